import type { FormProblem } from './texts.js';
import { TEXTS } from './texts.js';
import { GRANT_TEXTS, type GrantProblem } from './grant-texts.js';
import { errorSummary, html } from './html.js';
import { hidden, shell, type PageContext } from './views.js';

/** A grant as the "act as" page offers it. */
export interface GrantChoice {
  id: string;
  role: string;
  partyName?: string;
}

/**
 * The "act as" step after sign-in: one button per grant the person holds (each its own form, so
 * the choice is the button pressed), every form with the token bound to the interaction.
 */
export function actAsPage(
  view: PageContext & {
    action: string;
    csrf: string;
    grants: GrantChoice[];
    problem?: GrantProblem;
  },
): string {
  const t = GRANT_TEXTS[view.lang];
  return shell(
    view,
    t.actAsTitle,
    html`<h1>${t.actAsTitle}</h1>
      ${view.problem ? errorSummary(t.errorSummary, t.problems[view.problem]) : ''}
      <p>${t.actAsIntro}</p>
      ${view.grants.map(
        (grant) =>
          html`<form method="post" action="${view.action}">
            ${hidden(view.lang, view.csrf)}<input type="hidden" name="grant" value="${grant.id}" />
            <button type="submit">
              ${t.actAsButton(t.roles[grant.role] ?? grant.role, grant.partyName)}
            </button>
          </form>`,
      )}`,
  );
}

/** What the invitation page shows: who invites, to what, which address. */
export interface InvitationFacts {
  inviterRole: string;
  inviterPartyName?: string;
  role: string;
  partyName?: string;
  email: string;
}

/**
 * The page a mailed invitation opens: who invites to what, and one password field (the
 * account's password, or the new account's). The token rides in the form, bound to it.
 */
export function invitationPage(
  view: PageContext & {
    action: string;
    csrf: string;
    token: string;
    invitation: InvitationFacts;
    problem?: FormProblem;
  },
): string {
  const t = GRANT_TEXTS[view.lang];
  const inviter = view.invitation.inviterPartyName ?? t.operator;
  const what = t.what(
    t.roles[view.invitation.role] ?? view.invitation.role,
    view.invitation.partyName,
  );
  const problem = view.problem ? TEXTS[view.lang].problems[view.problem] : undefined;
  return shell(
    view,
    t.invitationTitle,
    html`<h1>${t.invitationTitle}</h1>
      ${problem ? errorSummary(t.errorSummary, problem, 'password') : ''}
      <p>${t.invitationIntro(inviter, what)}</p>
      <p>${t.invitationAddress}: <strong>${view.invitation.email}</strong></p>
      <form method="post" action="${view.action}" novalidate>
        ${hidden(view.lang, view.csrf)}<input type="hidden" name="token" value="${view.token}" />
        <label for="password">${TEXTS[view.lang].password}</label>
        <p class="hint" id="password-hint">${t.invitationPasswordHint}</p>
        ${problem ? html`<p class="field-error" id="password-error">${problem}</p>` : ''}
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
          aria-describedby="${problem ? 'password-hint password-error' : 'password-hint'}"
          ${problem ? html` aria-invalid="true"` : ''}
        />
        <button type="submit">${t.invitationButton}</button>
      </form>`,
  );
}
