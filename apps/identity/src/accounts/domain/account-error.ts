import type { PasswordProblem } from './password-rule.js';

/** Why an account operation was refused; the pages say each in the reader's language. */
export type AccountErrorCode =
  | 'email-invalid'
  | PasswordProblem
  | 'credentials-wrong'
  | 'locked'
  | 'email-not-verified'
  | 'link-invalid';

/** The one exception of the accounts module; `code` says why, nothing else is told. */
export class AccountError extends Error {
  constructor(readonly code: AccountErrorCode) {
    super(`account operation refused: ${code}`);
    this.name = 'AccountError';
  }
}
