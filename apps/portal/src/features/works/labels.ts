import { useMessages } from '../../i18n/i18n';
import { bpsToPercent } from './domain/shares';
import { messages } from './messages';

export const CATEGORIES = ['MUSIC', 'FILM', 'TV_PROGRAM', 'GAME', 'MANGA', 'BOOK', 'UGC'] as const;
export const SCHEMES = ['ISWC', 'ISRC', 'ISAN', 'ISBN', 'PROPRIETARY'] as const;

/** Enum values of the API as words in the page's language (never shown raw). */
export function useLabels() {
  const t = useMessages(messages);
  return {
    t,
    category: (value: string) => t(`category${value}` as 'categoryMUSIC'),
    right: (value: string) => t(`right${value}` as 'rightPERFORMANCE'),
    scheme: (value: string) => (value === 'PROPRIETARY' ? t('schemePROPRIETARY') : value),
    status: (value: string) => t(`status${value}` as 'statusOPEN'),
    share: (share: { rightType: string; shareBps: number }) =>
      t('percentOf', {
        percent: bpsToPercent(share.shareBps),
        right: t(`right${share.rightType}` as 'rightPERFORMANCE'),
      }),
  };
}
