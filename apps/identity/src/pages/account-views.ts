import type { AccountOverview } from '../account-self/application/personal-data/personal-data.js';
import { errorSummary, html, type Html } from './html.js';
import { ACCOUNT_TEXTS, type AccountDone, type AccountProblem } from './account-texts.js';
import { PASSKEY_SCRIPTS } from './passkey-views.js';
import { shell, type PageContext } from './views.js';
import { GRANT_TEXTS } from './grant-texts.js';
import { NOTICE_KINDS } from '../notices/domain/notice.js';
import { LANGUAGES, type Language } from '../accounts/domain/language.js';

const LANGUAGE_NAMES = { ja: '日本語', en: 'English' } as const;

/** The field of the account page a problem belongs to (its message is tied to it). */
export type AccountField =
  | 'current-password'
  | 'new-password'
  | 'language'
  | 'notice-language'
  | 'passkey-name'
  | 'passkey-confirm'
  | 'second-factor-confirm'
  | 'delete-password';

export interface AccountPageView extends PageContext {
  overview: AccountOverview;
  csrf: string;
  /** The paths the page's forms post to. */
  paths: {
    base: string;
  };
  /** Whether passkeys can be added here (not on an issuer reached by IP address). */
  passkeysAvailable: boolean;
  done?: AccountDone;
  problem?: { code: AccountProblem; field?: AccountField };
}

function date(value: string, lang: PageContext['lang']): string {
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  }).format(new Date(value));
}

function hidden(view: AccountPageView): Html {
  return html`<input type="hidden" name="lang" value="${view.lang}" /><input
      type="hidden"
      name="csrf"
      value="${view.csrf}"
    />`;
}

interface InputOptions {
  id: string;
  name: string;
  label: string;
  type: 'password' | 'text';
  autocomplete: string;
  value?: string;
  hint?: string;
  required?: boolean;
}

/** A labelled input; the page's problem, when it is this field's, is tied to it. */
function input(view: AccountPageView, options: InputOptions): Html {
  const t = ACCOUNT_TEXTS[view.lang];
  const error = view.problem?.field === options.id ? t.problems[view.problem.code] : undefined;
  const described = [options.hint ? `${options.id}-hint` : '', error ? `${options.id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return html`<label for="${options.id}">${options.label}</label>
    ${options.hint ? html`<p class="hint" id="${options.id}-hint">${options.hint}</p>` : ''}
    ${error ? html`<p class="field-error" id="${options.id}-error">${error}</p>` : ''}
    <input
      id="${options.id}"
      name="${options.name}"
      type="${options.type}"
      autocomplete="${options.autocomplete}"
      ${options.required === false ? '' : html`required`}${options.value ? html` value="${options.value}"` : ''}${described ? html` aria-describedby="${described}"` : ''}${error ? html` aria-invalid="true"` : ''}
    />`;
}

/**
 * The current password confirming a change of how the person signs in (passkeys, second
 * factor): optional, as a session signed in within ten minutes needs none.
 */
function confirmInput(view: AccountPageView, id: string): Html {
  const t = ACCOUNT_TEXTS[view.lang];
  return input(view, {
    id,
    name: 'confirm',
    label: t.confirmPassword,
    type: 'password',
    autocomplete: 'current-password',
    hint: t.confirmPasswordHint,
    required: false,
  });
}

/** One language of notices to choose; the first one's id is the group's (an error links to it). */
function languageChoice(
  language: Language,
  first: boolean,
  preferences: AccountPageView['overview']['mailPreferences'],
  error: string | undefined,
): Html {
  const id = first ? 'notice-language' : `notice-language-${language}`;
  const checked = preferences.language === language ? html` checked` : '';
  const invalid = error ? html` aria-describedby="notice-language-error" aria-invalid="true"` : '';
  return html`<div class="choice">
    <input type="radio" id="${id}" name="noticeLanguage" value="${language}" ${checked}${invalid} />
    <label for="${id}" lang="${language}">${LANGUAGE_NAMES[language]}</label>
  </div>`;
}

/**
 * The person's notices: which kinds they are mailed (checkboxes) and in which language
 * (radio buttons), each group in a fieldset named by its legend.
 */
function noticesSection(view: AccountPageView): Html {
  const t = ACCOUNT_TEXTS[view.lang];
  const preferences = view.overview.mailPreferences;
  const error =
    view.problem?.field === 'notice-language' ? t.problems[view.problem.code] : undefined;
  return html`<section aria-labelledby="notices-heading">
    <h2 id="notices-heading">${t.noticesHeading}</h2>
    <p>${t.noticesIntro}</p>
    <form method="post" action="${view.paths.base}/notices">
      ${hidden(view)}
      <fieldset>
        <legend>${t.noticeKindsLegend}</legend>
        ${NOTICE_KINDS.map(
          (kind) =>
            html`<div class="choice">
              <input
                type="checkbox"
                id="notice-${kind}"
                name="${kind}"
                value="on"
                ${preferences.kinds[kind] ? html`checked` : ''}
              /><label for="notice-${kind}">${t.noticeKinds[kind]}</label>
            </div>`,
        )}
      </fieldset>
      <fieldset>
        <legend>${t.noticeLanguageLegend}</legend>
        ${error ? html`<p class="field-error" id="notice-language-error">${error}</p>` : ''}
        ${LANGUAGES.map((language, index) => languageChoice(language, index === 0, preferences, error))}
      </fieldset>
      <button type="submit">${t.noticesButton}</button>
    </form>
  </section>`;
}

function summary(view: AccountPageView): Html {
  const t = ACCOUNT_TEXTS[view.lang];
  if (view.problem) {
    return errorSummary(t.errorSummary, t.problems[view.problem.code], view.problem.field);
  }
  return view.done ? html`<div class="status" role="status">${t.done[view.done]}</div>` : html``;
}

/**
 * The signed-in person's account: address, language, passkeys, password, recent sign-ins,
 * their data and deleting the account. Every form posts with a token bound to the session.
 */
export function accountPage(view: AccountPageView): string {
  const t = ACCOUNT_TEXTS[view.lang];
  const { account, passkeys, grants, recentSignIns } = view.overview;
  const g = GRANT_TEXTS[view.lang];
  const base = view.paths.base;
  return shell(
    view,
    t.title,
    html`<h1>${t.title}</h1>
      ${summary(view)}
      <section aria-labelledby="email-heading">
        <h2 id="email-heading">${t.emailHeading}</h2>
        <dl>
          <dt>${t.emailHeading}</dt>
          <dd>${account.email} (${account.emailVerified ? t.verified : t.notVerified})</dd>
          <dt>${t.created}</dt>
          <dd>${date(account.createdAt, view.lang)}</dd>
        </dl>
      </section>
      <section aria-labelledby="grants-heading">
        <h2 id="grants-heading">${t.grantsHeading}</h2>
        ${
          grants.length === 0
            ? html`<p>${t.noGrants}</p>`
            : html`<ul>
                ${grants.map(
                  (grant) =>
                    html`<li>
                      ${g.what(g.roles[grant.role] ?? grant.role, grant.partyName ?? undefined)}
                    </li>`,
                )}
              </ul>`
        }
      </section>
      <section aria-labelledby="language-heading">
        <h2 id="language-heading">${t.languageHeading}</h2>
        <form method="post" action="${base}/language">
          ${hidden(view)}
          <label for="language">${t.languageLabel}</label>
          <select id="language" name="language">
            <option value="ja" lang="ja" ${account.language === 'ja' ? html`selected` : ''}>
              日本語
            </option>
            <option value="en" lang="en" ${account.language === 'en' ? html`selected` : ''}>
              English
            </option>
          </select>
          <button type="submit">${t.languageButton}</button>
        </form>
      </section>
      ${noticesSection(view)}
      <section aria-labelledby="passkeys-heading">
        <h2 id="passkeys-heading">${t.passkeysHeading}</h2>
        <p>${t.passkeysIntro}</p>
        ${passkeys.length === 0 ? html`<p>${t.noPasskeys}</p>` : ''}
        ${passkeys.map(
          (passkey, index) =>
            html`<div class="passkey">
              <h3>${passkey.name}</h3>
              <dl>
                <dt>${t.passkeyCreated}</dt>
                <dd>${date(passkey.createdAt, view.lang)}</dd>
                <dt>${t.passkeyLastUsed}</dt>
                <dd>
                  ${passkey.lastUsedAt ? date(passkey.lastUsedAt, view.lang) : t.passkeyNeverUsed}
                </dd>
                ${passkey.deviceType === 'multiDevice' ? html`<dd>${t.passkeySynced}</dd>` : ''}
              </dl>
              <form
                method="post"
                action="${base}/passkeys/${encodeURIComponent(passkey.id)}/rename"
              >
                ${hidden(view)}
                ${input(view, {
                  id: `passkey-name-${index}`,
                  name: 'name',
                  label: t.passkeyName,
                  type: 'text',
                  autocomplete: 'off',
                  value: passkey.name,
                })}
                <button type="submit" class="secondary">${t.rename}</button>
              </form>
              <form
                method="post"
                action="${base}/passkeys/${encodeURIComponent(passkey.id)}/remove"
              >
                ${hidden(view)} ${confirmInput(view, `passkey-remove-confirm-${index}`)}
                <button type="submit" class="secondary">${t.remove}: ${passkey.name}</button>
              </form>
            </div>`,
        )}
        ${
          view.passkeysAvailable
            ? html`<noscript><p>${t.needsScript}</p></noscript>`
            : html`<p>${t.passkeysUnavailable}</p>`
        }
        ${
          view.passkeysAvailable
            ? html`<form
                method="post"
                action="${base}/passkeys"
                data-passkey="register"
                data-options="${base}/passkeys/options"
                hidden
              >
                ${hidden(view)}<input type="hidden" name="credential" value="" />
                ${input(view, {
                  id: 'passkey-name',
                  name: 'name',
                  label: t.passkeyName,
                  type: 'text',
                  autocomplete: 'off',
                  hint: t.passkeyNameHint,
                })}
                ${confirmInput(view, 'passkey-confirm')}
                <button type="submit">${t.addPasskey}</button>
              </form>`
            : ''
        }
        <form method="post" action="${base}/second-factor" novalidate>
          ${hidden(view)}
          <input
            type="hidden"
            name="on"
            value="${account.passkeySecondFactor ? 'false' : 'true'}"
          />
          <p>${account.passkeySecondFactor ? t.secondFactorOn : t.secondFactorOff}</p>
          ${confirmInput(view, 'second-factor-confirm')}
          <button type="submit" class="secondary">
            ${account.passkeySecondFactor ? t.turnOff : t.turnOn}
          </button>
        </form>
      </section>
      <section aria-labelledby="password-heading">
        <h2 id="password-heading">${t.passwordHeading}</h2>
        <form method="post" action="${base}/password" novalidate>
          ${hidden(view)}
          <input type="hidden" name="username" value="${account.email}" autocomplete="username" />
          ${input(view, {
            id: 'current-password',
            name: 'current',
            label: t.currentPassword,
            type: 'password',
            autocomplete: 'current-password',
          })}
          ${input(view, {
            id: 'new-password',
            name: 'password',
            label: t.newPassword,
            type: 'password',
            autocomplete: 'new-password',
            hint: t.passwordHint,
          })}
          <p>${t.passwordNote}</p>
          <button type="submit">${t.passwordButton}</button>
        </form>
      </section>
      <section aria-labelledby="sign-ins-heading">
        <h2 id="sign-ins-heading">${t.signInsHeading}</h2>
        ${
          recentSignIns.length === 0
            ? html`<p>${t.noSignIns}</p>`
            : html`<ul>
                ${recentSignIns.map(
                  (entry) =>
                    html`<li>
                      ${date(entry.at, view.lang)}: ${t.signInWith[entry.event] ?? entry.event}
                    </li>`,
                )}
              </ul>`
        }
      </section>
      <section aria-labelledby="data-heading">
        <h2 id="data-heading">${t.dataHeading}</h2>
        <ul class="links">
          <li><a href="${base}/export" download="account.json">${t.download}</a></li>
        </ul>
        <form method="post" action="${base}/sign-out">
          ${hidden(view)}
          <button type="submit" class="secondary">${t.signOut}</button>
        </form>
      </section>
      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">${t.deleteHeading}</h2>
        <p>${t.deleteIntro}</p>
        <form method="post" action="${base}/delete" novalidate>
          ${hidden(view)}
          ${input(view, {
            id: 'delete-password',
            name: 'password',
            label: t.deletePassword,
            type: 'password',
            autocomplete: 'current-password',
          })}
          <button type="submit" class="danger">${t.deleteButton}</button>
        </form>
        ${
          passkeys.length > 0
            ? html`<form
                method="post"
                action="${base}/delete-with-passkey"
                data-passkey="authenticate"
                data-options="${base}/delete/options"
                hidden
              >
                ${hidden(view)}<input type="hidden" name="credential" value="" />
                <button type="submit" class="danger">${t.deleteWithPasskey}</button>
              </form>`
            : ''
        }
      </section>`,
    PASSKEY_SCRIPTS,
  );
}
