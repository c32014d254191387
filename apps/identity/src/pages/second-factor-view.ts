import type { Language } from '../accounts/domain/language.js';
import { errorSummary, html } from './html.js';
import { PASSKEY_SCRIPTS, type PasskeyForm } from './passkey-views.js';
import { shell, type PageContext } from './views.js';

const TEXTS = {
  ja: {
    title: 'パスキーで確認',
    intro: 'このアカウントは、パスワードに加えてパスキーでの確認が必要です。',
    button: 'パスキーで確認',
    needsScript: 'パスキーでの確認には JavaScript が必要です。',
    failed: 'パスキーを確認できませんでした。もう一度お試しください。',
    errorSummary: '確認できませんでした',
  },
  en: {
    title: 'Confirm with your passkey',
    intro: 'This account asks for a passkey after the password.',
    button: 'Confirm with a passkey',
    needsScript: 'Confirming with a passkey needs JavaScript.',
    failed: 'The passkey could not be checked. Try again.',
    errorSummary: 'There is a problem',
  },
} satisfies Record<Language, Record<string, string>>;

/** The second step of a sign-in with the password, for an account that turned it on. */
export function secondFactorPage(
  view: PageContext & PasskeyForm & { csrf: string; failed?: boolean },
): string {
  const t = TEXTS[view.lang];
  return shell(
    view,
    t.title,
    html`<h1>${t.title}</h1>
      ${view.failed ? errorSummary(t.errorSummary, t.failed) : ''}
      <p>${t.intro}</p>
      <noscript><p>${t.needsScript}</p></noscript>
      <form
        method="post"
        action="${view.action}"
        data-passkey="authenticate"
        data-options="${view.optionsAction}"
        hidden
      >
        <input type="hidden" name="lang" value="${view.lang}" /><input
          type="hidden"
          name="csrf"
          value="${view.csrf}"
        /><input type="hidden" name="credential" value="" />
        <button type="submit">${t.button}</button>
      </form>`,
    PASSKEY_SCRIPTS,
  );
}
