import { common } from '../i18n/common';
import { useMessages } from '../i18n/i18n';

/**
 * "Showing 1–20 of 134" with previous and next, for a connection paged by cursors. The caller
 * keeps the cursors it came through (`after` of each page) so it can go back.
 */
export function Pager({
  offset,
  count,
  total,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
}: {
  offset: number;
  count: number;
  total: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  const t = useMessages(common);
  if (total === 0) return null;
  return (
    <nav
      className="pager"
      aria-label={t('showing', { from: offset + 1, to: offset + count, total })}
    >
      <p aria-live="polite">{t('showing', { from: offset + 1, to: offset + count, total })}</p>
      <div className="pager-buttons">
        <button
          type="button"
          className="button-secondary"
          disabled={!hasPrevious}
          onClick={onPrevious}
        >
          {t('previous')}
        </button>
        <button type="button" className="button-secondary" disabled={!hasNext} onClick={onNext}>
          {t('next')}
        </button>
      </div>
    </nav>
  );
}
