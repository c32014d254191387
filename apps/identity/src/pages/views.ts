import type { Language } from '../accounts/domain/language.js';
import { errorSummary, html, page, type Html } from './html.js';
import { PASSKEY_SCRIPTS, passkeySignInForm, type PasskeyForm } from './passkey-views.js';
import { TEXTS, fieldOf, type FormProblem, type Texts } from './texts.js';

/** What every page needs: its language and the address of the same page in the other one. */
export interface PageContext {
  lang: Language;
  /** The page's path (and query without `lang`), to link the other language. */
  here: string;
}

/** A whole page of ours around `body`: the language switch, the title, the style sheet. */
export function shell(context: PageContext, title: string, body: Html, scripts?: string[]): string {
  const other: Language = context.lang === 'ja' ? 'en' : 'ja';
  const url = new URL(context.here, 'http://page.invalid');
  url.searchParams.set('lang', other);
  const t = TEXTS[context.lang];
  return page({
    lang: context.lang,
    title,
    switchHref: `${url.pathname}${url.search}`,
    switchLabel: TEXTS[other].languageName,
    switchLang: other,
    languageNav: t.languageNav,
    body,
    scripts,
  });
}

function problemSummary(t: Texts, problem: FormProblem | undefined): Html {
  return problem ? errorSummary(t.errorSummary, t.problems[problem], fieldOf(problem)) : html``;
}

interface FieldOptions {
  name: 'email' | 'password';
  label: string;
  type: 'email' | 'password';
  autocomplete: string;
  value?: string;
  hint?: string;
  problem?: FormProblem;
  t: Texts;
}

/** A labelled field; its hint and error are tied to it by aria-describedby. */
function field(options: FieldOptions): Html {
  const error = options.problem && fieldOf(options.problem) === options.name;
  const described = [
    options.hint ? `${options.name}-hint` : '',
    error ? `${options.name}-error` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return html`<label for="${options.name}">${options.label}</label>
    ${options.hint ? html`<p class="hint" id="${options.name}-hint">${options.hint}</p>` : ''}
    ${error ? html`<p class="field-error" id="${options.name}-error">${options.t.problems[options.problem!]}</p>` : ''}
    <input
      id="${options.name}"
      name="${options.name}"
      type="${options.type}"
      autocomplete="${options.autocomplete}"
      required${options.value ? html` value="${options.value}"` : ''}${described ? html` aria-describedby="${described}"` : ''}${error ? html` aria-invalid="true"` : ''}
    />`;
}

export function hidden(lang: Language, csrf: string): Html {
  return html`<input type="hidden" name="lang" value="${lang}" /><input
      type="hidden"
      name="csrf"
      value="${csrf}"
    />`;
}

export interface FormPage extends PageContext {
  action: string;
  csrf: string;
  problem?: FormProblem;
  email?: string;
}

export function signInPage(
  view: FormPage & { signUpHref: string; forgotHref: string; passkey?: PasskeyForm },
): string {
  const t = TEXTS[view.lang];
  return shell(
    view,
    t.signInTitle,
    html`<h1>${t.signInTitle}</h1>
      ${problemSummary(t, view.problem)}
      <form method="post" action="${view.action}" novalidate>
        ${hidden(view.lang, view.csrf)}
        ${field({ name: 'email', label: t.email, type: 'email', autocomplete: 'username', value: view.email, problem: view.problem, t })}
        ${field({ name: 'password', label: t.password, type: 'password', autocomplete: 'current-password', problem: view.problem, t })}
        <button type="submit">${t.signInButton}</button>
      </form>
      ${view.passkey ? passkeySignInForm(view.lang, view.csrf, view.passkey) : ''}
      <ul class="links">
        <li><a href="${view.forgotHref}">${t.toForgot}</a></li>
        <li><a href="${view.signUpHref}">${t.toSignUp}</a></li>
      </ul>`,
    view.passkey ? PASSKEY_SCRIPTS : undefined,
  );
}

export function signUpPage(view: FormPage & { signInHref: string }): string {
  const t = TEXTS[view.lang];
  return shell(
    view,
    t.signUpTitle,
    html`<h1>${t.signUpTitle}</h1>
      ${problemSummary(t, view.problem)}
      <form method="post" action="${view.action}" novalidate>
        ${hidden(view.lang, view.csrf)}
        ${field({ name: 'email', label: t.email, type: 'email', autocomplete: 'email', value: view.email, problem: view.problem, t })}
        ${field({ name: 'password', label: t.password, type: 'password', autocomplete: 'new-password', hint: t.passwordHint, problem: view.problem, t })}
        <button type="submit">${t.signUpButton}</button>
      </form>
      <ul class="links">
        <li><a href="${view.signInHref}">${t.toSignIn}</a></li>
      </ul>`,
  );
}

export function forgotPage(view: FormPage & { signInHref: string }): string {
  const t = TEXTS[view.lang];
  return shell(
    view,
    t.forgotTitle,
    html`<h1>${t.forgotTitle}</h1>
      ${problemSummary(t, view.problem)}
      <p>${t.forgotIntro}</p>
      <form method="post" action="${view.action}" novalidate>
        ${hidden(view.lang, view.csrf)}
        ${field({ name: 'email', label: t.email, type: 'email', autocomplete: 'email', value: view.email, problem: view.problem, t })}
        <button type="submit">${t.forgotButton}</button>
      </form>
      <ul class="links">
        <li><a href="${view.signInHref}">${t.toSignIn}</a></li>
      </ul>`,
  );
}

/** A page with a heading and a sentence (mail sent, done, expired...). */
export function messagePage(
  view: PageContext & { title: string; message: string; backHref?: string },
): string {
  const t = TEXTS[view.lang];
  return shell(
    view,
    view.title,
    html`<h1>${view.title}</h1>
      <p>${view.message}</p>
      ${
        view.backHref
          ? html`<ul class="links">
              <li><a href="${view.backHref}">${t.toSignIn}</a></li>
            </ul>`
          : ''
      }`,
  );
}

/** A page saying why the request cannot go on (an expired link or sign-in). */
export function problemPage(view: PageContext & { problem: FormProblem }): string {
  const t = TEXTS[view.lang];
  return messagePage({ ...view, title: t.errorTitle, message: t.problems[view.problem] });
}

/** Confirms a mailed link with a button, so mail scanners fetching links use up nothing. */
export function verifyPage(view: FormPage & { token: string }): string {
  const t = TEXTS[view.lang];
  return shell(
    view,
    t.verifyTitle,
    html`<h1>${t.verifyTitle}</h1>
      <p>${t.verifyIntro}</p>
      <form method="post" action="${view.action}">
        ${hidden(view.lang, view.csrf)}<input type="hidden" name="token" value="${view.token}" />
        <button type="submit">${t.verifyButton}</button>
      </form>`,
  );
}

export function resetPage(view: FormPage & { token: string }): string {
  const t = TEXTS[view.lang];
  return shell(
    view,
    t.resetTitle,
    html`<h1>${t.resetTitle}</h1>
      ${problemSummary(t, view.problem)}
      <form method="post" action="${view.action}" novalidate>
        ${hidden(view.lang, view.csrf)}<input type="hidden" name="token" value="${view.token}" />
        ${field({ name: 'password', label: t.newPassword, type: 'password', autocomplete: 'new-password', hint: t.passwordHint, problem: view.problem, t })}
        <button type="submit">${t.resetButton}</button>
      </form>`,
  );
}

export function consentPage(
  view: FormPage & { client: string; scopes: string[]; denyAction: string },
): string {
  const t = TEXTS[view.lang];
  return shell(
    view,
    t.consentTitle,
    html`<h1>${t.consentTitle}</h1>
      ${problemSummary(t, view.problem)}
      <p>${t.consentIntro(view.client)}</p>
      <ul>
        ${view.scopes.map((scope) => html`<li>${t.consentScopes[scope] ?? scope}</li>`)}
      </ul>
      <form method="post" action="${view.action}">
        ${hidden(view.lang, view.csrf)}
        <button type="submit">${t.consentAllow}</button>
      </form>
      <form method="post" action="${view.denyAction}">
        ${hidden(view.lang, view.csrf)}
        <button type="submit" class="secondary">${t.consentDeny}</button>
      </form>`,
  );
}
