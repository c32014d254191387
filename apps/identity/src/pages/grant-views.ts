import { GRANT_TEXTS, type GrantProblem } from './grant-texts.js';
import { html } from './html.js';
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
      ${
        view.problem
          ? html`<div
              class="error-summary"
              role="alert"
              aria-labelledby="error-summary-title"
              tabindex="-1"
            >
              <h2 id="error-summary-title">${t.errorSummary}</h2>
              <p>${t.problems[view.problem]}</p>
            </div>`
          : ''
      }
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
