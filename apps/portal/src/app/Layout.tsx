import type { ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { common } from '../i18n/common';
import { LANGUAGES, useLanguage, useMessages } from '../i18n/i18n';
import { signIn, signOut, useSession } from '../lib/session';

/** The frame of every page: skip link, header with navigation and language, main, footer. */
export function Layout({ children }: { children: ReactNode }) {
  const t = useMessages(common);
  const { language, setLanguage } = useLanguage();
  const { session, known } = useSession();
  const location = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <NavLink to="/" className="site-name">
            {t('siteName')}
          </NavLink>
          <div className="header-tools">
            <div className="language-switch" role="group" aria-label={t('language')}>
              {LANGUAGES.map((option) => (
                <button
                  key={option}
                  type="button"
                  lang={option}
                  className="link-button"
                  aria-pressed={language === option}
                  onClick={() => setLanguage(option)}
                >
                  {option === 'ja' ? t('languageJa') : t('languageEn')}
                </button>
              ))}
            </div>
            {known && session ? (
              <button type="button" className="link-button" onClick={() => void signOut()}>
                {t('signOut')}
              </button>
            ) : known ? (
              <button
                type="button"
                className="link-button"
                onClick={() => void signIn(`${location.pathname}${location.search}`, language)}
              >
                {t('signIn')}
              </button>
            ) : null}
          </div>
        </div>
        <nav aria-label={t('mainNavigation')} className="site-nav">
          <ul>
            <li>
              <NavLink to="/" end>
                {t('navSearch')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/opt-out-register">{t('navRegister')}</NavLink>
            </li>
            <li>
              <NavLink to="/unclaimed">{t('navUnclaimed')}</NavLink>
            </li>
            <li>
              <NavLink to="/me">{t('navMine')}</NavLink>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('footer')}</p>
        {session ? (
          <p>
            <a className="link-target" href="/account">
              {t('accountSettings')}
            </a>
          </p>
        ) : null}
      </footer>
    </>
  );
}
