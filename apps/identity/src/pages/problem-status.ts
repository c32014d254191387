import type { FormProblem } from './texts.js';

/** The HTTP status a page with this problem answers with. */
export function statusOf(problem: FormProblem): number {
  switch (problem) {
    case 'credentials-wrong':
      return 401;
    case 'locked':
      return 429;
    case 'email-not-verified':
    case 'form-expired':
      return 403;
    case 'link-invalid':
    case 'interaction-expired':
      return 410;
    case 'passkey-failed':
    case 'email-invalid':
    case 'password-too-short':
    case 'password-too-long':
    case 'password-common':
    case 'password-is-email':
      return 400;
  }
}
