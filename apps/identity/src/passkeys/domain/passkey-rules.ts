/** Why a passkey operation was refused; the pages say each in the reader's language. */
export type PasskeyErrorCode =
  'passkey-failed' | 'passkey-name-invalid' | 'passkey-not-found' | 'passkey-none';

/** The one exception of the passkeys module; `code` says why, nothing else is told. */
export class PasskeyError extends Error {
  constructor(
    readonly code: PasskeyErrorCode,
    /** The account a failed passkey answer was for, when known (for the audit log). */
    readonly accountId?: string,
  ) {
    super(`passkey operation refused: ${code}`);
    this.name = 'PasskeyError';
  }
}

/** A challenge is answered within five minutes, once. */
export const CHALLENGE_LIFETIME_MS = 5 * 60_000;

/** What a challenge is for: each is bound to its own thing and answered by its own step. */
export enum ChallengePurpose {
  /** Adding a passkey on the account page; bound to the provider's session. */
  REGISTER = 'register',
  /** Signing in with a passkey alone; bound to the interaction. */
  SIGN_IN = 'sign-in',
  /** The passkey after a right password; bound to the interaction, names the account. */
  SECOND_FACTOR = 'second-factor',
  /** Confirming it is the person (before deleting the account); bound to the session. */
  CONFIRM = 'confirm',
}

export const MAX_PASSKEY_NAME_LENGTH = 60;

/** A passkey's name as kept: trimmed, inner runs of spaces made one; undefined if unusable. */
export function passkeyName(name: string): string | undefined {
  const cleaned = name.normalize('NFC').trim().replace(/\s+/g, ' ');
  const length = [...cleaned].length;
  return length >= 1 && length <= MAX_PASSKEY_NAME_LENGTH ? cleaned : undefined;
}

/**
 * Whether the passkey second factor stays on after a change: only with a passkey left, so
 * removing the last passkey can never lock the person out.
 */
export function secondFactorAfter(wanted: boolean, passkeysLeft: number): boolean {
  return wanted && passkeysLeft > 0;
}
