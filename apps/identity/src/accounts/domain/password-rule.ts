import { COMMON_PASSWORDS } from './common-passwords.js';
import { normalizeEmail } from './email.js';

export const MIN_PASSWORD_LENGTH = 12;
/** Longer passwords are refused so that hashing one costs a bounded time. */
export const MAX_PASSWORD_LENGTH = 256;

/** Why a password cannot be chosen; the pages say each in the reader's language. */
export type PasswordProblem =
  'password-too-short' | 'password-too-long' | 'password-common' | 'password-is-email';

const COMMON = new Set(COMMON_PASSWORDS.map((entry) => entry.toLowerCase()));

/**
 * Why `password` cannot be the password of the account with `email`, or undefined: at least
 * 12 characters (counted as a person sees them), at most 256, not on the list of passwords
 * common in breaches (compared without regard to case), and not the address or its local part.
 */
export function passwordProblem(password: string, email: string): PasswordProblem | undefined {
  const length = [...password.normalize('NFC')].length;
  if (length < MIN_PASSWORD_LENGTH) return 'password-too-short';
  if (length > MAX_PASSWORD_LENGTH) return 'password-too-long';
  const folded = password.normalize('NFC').toLowerCase();
  if (COMMON.has(folded)) return 'password-common';
  const address = normalizeEmail(email);
  const local = address.split('@')[0] ?? '';
  if (folded === address || folded === local || folded.includes(address)) {
    return 'password-is-email';
  }
  return undefined;
}
