import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { defineMessages, useMessages } from '../i18n/i18n';
import { useSession } from '../lib/session';
import { PageTitle } from './PageTitle';

const messages = defineMessages({
  en: {
    title: 'Become a right holder first',
    body: 'This page is for right holders: people and companies who own rights in works. Your account does not act as a right holder yet.',
    link: 'Become a right holder',
  },
  ja: {
    title: '先に権利者として登録してください',
    body: 'このページは、作品の権利を持つ方（権利者）のためのページです。お使いのアカウントは、まだ権利者として登録されていません。',
    link: '権利者として登録する',
  },
});

/**
 * Shows its children, given the party the signed-in person acts for, when that person acts as a
 * right holder; anyone else is told to become one first (signing in is RequireSignIn's part).
 */
export function RightHolderOnly({ children }: { children: (party: string) => ReactNode }) {
  const t = useMessages(messages);
  const { session } = useSession();
  if (session?.role === 'RIGHT_HOLDER' && session.party) return <>{children(session.party)}</>;
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <p>{t('body')}</p>
      <p>
        <Link className="target" to="/me/right-holder">
          {t('link')}
        </Link>
      </p>
    </>
  );
}
