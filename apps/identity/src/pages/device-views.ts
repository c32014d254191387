import { errorSummary, html } from './html.js';
import { DEVICE_TEXTS, type DeviceProblem } from './device-texts.js';
import { shell, type PageContext } from './views.js';

/** What the device pages post back: the provider's own form token (`xsrf`) and the code. */
export interface DeviceForm extends PageContext {
  /** The provider's code verification endpoint. */
  action: string;
  xsrf: string;
}

function hidden(view: DeviceForm) {
  return html`<input type="hidden" name="lang" value="${view.lang}" /><input
      type="hidden"
      name="xsrf"
      value="${view.xsrf}"
    />`;
}

/** The page where a person types the code their device shows. */
export function userCodeInputPage(
  view: DeviceForm & { userCode?: string; problem?: DeviceProblem },
): string {
  const t = DEVICE_TEXTS[view.lang];
  const invalid = view.problem && view.problem !== 'aborted';
  return shell(
    view,
    t.inputTitle,
    html`<h1>${t.inputTitle}</h1>
      ${
        view.problem
          ? errorSummary(
              t.errorSummary,
              t.problems[view.problem],
              invalid ? 'user_code' : undefined,
            )
          : ''
      }
      <p>${t.inputIntro}</p>
      <form method="post" action="${view.action}" novalidate>
        ${hidden(view)}
        <label for="user_code">${t.codeLabel}</label>
        <p class="hint" id="user_code-hint">${t.codeHint}</p>
        ${invalid ? html`<p class="field-error" id="user_code-error">${t.problems[view.problem!]}</p>` : ''}
        <input
          id="user_code"
          name="user_code"
          type="text"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck="false"
          required${view.userCode ? html` value="${view.userCode}"` : ''}
          aria-describedby="${invalid ? 'user_code-hint user_code-error' : 'user_code-hint'}"
          ${invalid ? html` aria-invalid="true"` : ''}
        />
        <button type="submit">${t.inputButton}</button>
      </form>`,
  );
}

/** The page that shows the client and the code, to continue to sign-in or to abort. */
export function userCodeConfirmPage(
  view: DeviceForm & { client: string; userCode: string },
): string {
  const t = DEVICE_TEXTS[view.lang];
  return shell(
    view,
    t.confirmTitle,
    html`<h1>${t.confirmTitle}</h1>
      <p>${t.confirmIntro(view.client)}</p>
      <p class="user-code"><strong>${view.userCode}</strong></p>
      <p>${t.confirmWarning}</p>
      <form method="post" action="${view.action}">
        ${hidden(view)}<input type="hidden" name="user_code" value="${view.userCode}" /><input
          type="hidden"
          name="confirm"
          value="yes"
        />
        <button type="submit">${t.confirmButton}</button>
      </form>
      <form method="post" action="${view.action}">
        ${hidden(view)}<input type="hidden" name="user_code" value="${view.userCode}" /><input
          type="hidden"
          name="abort"
          value="yes"
        />
        <button type="submit" class="secondary">${t.abortButton}</button>
      </form>`,
  );
}

/** The page after a device sign-in went through. */
export function deviceSuccessPage(view: PageContext): string {
  const t = DEVICE_TEXTS[view.lang];
  return shell(
    view,
    t.successTitle,
    html`<h1>${t.successTitle}</h1>
      <p>${t.successBody}</p>`,
  );
}
