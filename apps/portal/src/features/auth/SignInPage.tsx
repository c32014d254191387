import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { common } from '../../i18n/common';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { sameSitePath } from '../../lib/return-path';
import { signIn } from '../../lib/session';

/** Starts a sign-in here (the issuer's origin), then returns to the page asked for. */
export function SignInPage() {
  const t = useMessages(common);
  const { language } = useLanguage();
  const [params] = useSearchParams();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const returnTo = params.get('return') ?? '/me';
    void signIn(sameSitePath(returnTo) ?? '/me', language);
  }, [params, language]);
  return <p role="status">{t('signingIn')}</p>;
}
