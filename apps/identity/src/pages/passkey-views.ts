import type { Language } from '../accounts/domain/language.js';
import { html, type Html } from './html.js';

/** Where the pages' passkey scripts are served (files of this app: `script-src 'self'`). */
export const WEBAUTHN_LIBRARY_PATH = '/pages/webauthn-browser.js';
export const PASSKEY_SCRIPT_PATH = '/pages/passkeys.js';
export const PASSKEY_SCRIPTS = [WEBAUTHN_LIBRARY_PATH, PASSKEY_SCRIPT_PATH];

/** A form the passkey script drives: it asks `optionsAction`, then posts the answer here. */
export interface PasskeyForm {
  action: string;
  optionsAction: string;
}

const LABELS = {
  ja: { signIn: 'パスキーでログイン', or: 'または' },
  en: { signIn: 'Sign in with a passkey', or: 'or' },
};

/**
 * The passkey sign-in button of the sign-in page: hidden until the script finds WebAuthn in
 * the browser, so without JavaScript the page is the password form alone.
 */
export function passkeySignInForm(lang: Language, csrf: string, form: PasskeyForm): Html {
  const t = LABELS[lang];
  return html`<form
    method="post"
    action="${form.action}"
    data-passkey="authenticate"
    data-options="${form.optionsAction}"
    hidden
  >
    <p>${t.or}</p>
    <input type="hidden" name="lang" value="${lang}" /><input
      type="hidden"
      name="csrf"
      value="${csrf}"
    /><input type="hidden" name="credential" value="" />
    <button type="submit" class="secondary">${t.signIn}</button>
  </form>`;
}

/**
 * The pages' passkey script: for each `form[data-passkey]` it shows the form, and on submit
 * asks the form's `data-options` for WebAuthn options, runs the browser's ceremony with
 * `@simplewebauthn/browser`, and posts the answer in the form's `credential` field (empty when
 * the person cancelled: the server then says what went wrong, on the page).
 */
export const PASSKEY_SCRIPT = `(function () {
  'use strict';
  var lib = window.SimpleWebAuthnBrowser;
  if (!lib || !lib.browserSupportsWebAuthn()) return;
  document.querySelectorAll('form[data-passkey]').forEach(function (form) {
    form.hidden = false;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var field = form.querySelector('input[name="credential"]');
      var body = new URLSearchParams(new FormData(form));
      body.delete('credential');
      fetch(form.dataset.options, {
        method: 'POST',
        body: body,
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
      })
        .then(function (response) {
          if (!response.ok) throw new Error('no options');
          return response.json();
        })
        .then(function (optionsJSON) {
          return form.dataset.passkey === 'register'
            ? lib.startRegistration({ optionsJSON: optionsJSON })
            : lib.startAuthentication({ optionsJSON: optionsJSON });
        })
        .then(
          function (answer) {
            field.value = JSON.stringify(answer);
          },
          function () {
            field.value = '';
          },
        )
        .then(function () {
          form.submit();
        });
    });
  });
})();
`;
