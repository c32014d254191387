import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { common } from '../../i18n/common';
import { useMessages } from '../../i18n/i18n';
import { completeSignIn, markRestored } from '../../lib/session';
import { PageTitle } from '../../components/PageTitle';

/** Where the identity provider sends the browser back: exchanges the code, then goes on. */
export function CallbackPage() {
  const t = useMessages(common);
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return; // one code, one exchange (React runs effects twice in development)
    started.current = true;
    completeSignIn(new URL(window.location.href))
      .then((returnTo) => {
        markRestored();
        void navigate(returnTo, { replace: true });
      })
      .catch(() => {
        markRestored();
        setFailed(true);
      });
  }, [navigate]);
  if (!failed) return <p role="status">{t('signingIn')}</p>;
  return (
    <>
      <PageTitle>{t('signInFailed')}</PageTitle>
      <p>
        <Link to="/me">{t('signIn')}</Link>
      </p>
    </>
  );
}
