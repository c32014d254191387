import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { normalizeEmail } from './email.js';

export const MIN_PASSWORD_LENGTH = 12;
/** Longer passwords are refused so that hashing one costs a bounded time. */
export const MAX_PASSWORD_LENGTH = 256;
/**
 * The least strength a password must have on zxcvbn's scale of 0 to 4: 3 is "safely
 * unguessable" (about 10^8 guesses or more for an attacker who tries breached passwords,
 * dictionary words, names, keyboard patterns, repeats, dates and their l33t spellings first).
 */
export const MIN_PASSWORD_SCORE = 3;

/**
 * How much of a password the estimator reads: its cost grows quickly with length, and a
 * password whose first 64 characters are hard to guess is hard to guess.
 */
const ESTIMATED_LENGTH = 64;

/** Why a password cannot be chosen; the pages say each in the reader's language. */
export type PasswordProblem =
  'password-too-short' | 'password-too-long' | 'password-common' | 'password-is-email';

let estimator: ZxcvbnFactory | undefined;

/**
 * The strength estimator with its dictionaries: the common package (passwords frequent in
 * published breaches, diceware words, keyboard layouts) and English words and names. Built on
 * first use (about 0.2 s), then shared.
 */
function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    maxLength: ESTIMATED_LENGTH,
  });
  return estimator;
}

/** What an attacker who knows the address would try first: the address and its parts. */
function wordsOf(address: string): string[] {
  const local = address.split('@')[0] ?? '';
  const parts = local.split(/[^\p{L}\p{N}]+/u).filter((part) => part.length > 1);
  return [address, local, local.replace(/[^\p{L}\p{N}]/gu, ''), ...parts];
}

/**
 * Why `password` cannot be the password of the account with `email`, or undefined: at least
 * 12 characters (counted as a person sees them), at most 256, not the address or its local
 * part, and hard enough to guess (`MIN_PASSWORD_SCORE`): not a password common in breaches, nor
 * one made of common words, names, the address, keyboard runs, repeats or dates.
 */
export function passwordProblem(password: string, email: string): PasswordProblem | undefined {
  const length = [...password.normalize('NFC')].length;
  if (length < MIN_PASSWORD_LENGTH) return 'password-too-short';
  if (length > MAX_PASSWORD_LENGTH) return 'password-too-long';
  const folded = password.normalize('NFC').toLowerCase();
  const address = normalizeEmail(email);
  const local = address.split('@')[0] ?? '';
  if (folded === address || folded === local || folded.includes(address)) {
    return 'password-is-email';
  }
  const { score } = strengthEstimator().check(password.normalize('NFC'), wordsOf(address));
  return score < MIN_PASSWORD_SCORE ? 'password-common' : undefined;
}
