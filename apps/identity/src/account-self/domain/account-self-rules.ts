/** Why an operation on one's own account was refused (pages and the API say each). */
export type AccountSelfErrorCode =
  | 'unauthenticated'
  | 'not-found'
  | 'password-wrong'
  | 'sign-in-not-recent'
  | 'confirmation-needed'
  | 'language-invalid';

/** The one exception of the account-self module; `code` says why, nothing else is told. */
export class AccountSelfError extends Error {
  constructor(readonly code: AccountSelfErrorCode) {
    super(`account operation refused: ${code}`);
    this.name = 'AccountSelfError';
  }
}

/** Deleting an account through the API needs a sign-in this recent. */
export const RECENT_SIGN_IN_MS = 10 * 60_000;

/** Whether the last sign-in (password or passkey) is recent enough to delete the account. */
export function signedInRecently(lastSignIn: Date | undefined, now: Date): boolean {
  if (!lastSignIn) return false;
  const age = now.getTime() - lastSignIn.getTime();
  return age >= -60_000 && age <= RECENT_SIGN_IN_MS;
}

/**
 * Whether a change of how the person signs in (passkeys, second factor) needs their current
 * password: unless the session it is made in was signed in within the last ten minutes.
 */
export function changeNeedsPassword(sessionSignedInAt: Date | undefined, now: Date): boolean {
  return !signedInRecently(sessionSignedInAt, now);
}

/** How many sign-ins the account overview lists. */
export const RECENT_SIGN_INS = 10;
