import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { common } from '../i18n/common';
import { useLanguage, useMessages } from '../i18n/i18n';
import { signIn, useSession } from '../lib/session';
import { PageTitle } from '../components/PageTitle';

/** Shows its children to a signed-in person; asks anyone else to sign in or create an account. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const t = useMessages(common);
  const { language } = useLanguage();
  const { session, known } = useSession();
  const location = useLocation();
  if (!known) return <p role="status">{t('loading')}</p>;
  if (session) return <>{children}</>;
  const returnTo = `${location.pathname}${location.search}`;
  return (
    <>
      <PageTitle>{t('signInNeededTitle')}</PageTitle>
      <p>{t('signInNeededBody')}</p>
      <div className="actions">
        <button type="button" onClick={() => void signIn(returnTo, language)}>
          {t('signIn')}
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => void signIn(returnTo, language, 'sign-up')}
        >
          {t('signUp')}
        </button>
      </div>
    </>
  );
}
