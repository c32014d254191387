import { HttpException } from '@nestjs/common';
import { AccountError } from '../../accounts/domain/account-error.js';
import type { AccountField } from '../../pages/account-views.js';
import type { AccountProblem } from '../../pages/account-texts.js';
import { PasskeyError } from '../../passkeys/domain/passkey-rules.js';
import { AccountSelfError } from '../domain/account-self-rules.js';

/** The problem an error of the account's use cases is, or undefined for any other error. */
export function problemOf(error: unknown): AccountProblem | undefined {
  if (error instanceof AccountError) return error.code;
  if (error instanceof AccountSelfError) return error.code;
  if (error instanceof PasskeyError) return error.code;
  return undefined;
}

/** The HTTP status of each problem: the one place they are mapped (pages and API). */
export function statusOfProblem(problem: AccountProblem): number {
  switch (problem) {
    case 'email-invalid':
    case 'password-too-short':
    case 'password-too-long':
    case 'password-common':
    case 'password-is-email':
    case 'language-invalid':
    case 'passkey-failed':
    case 'passkey-name-invalid':
      return 400;
    case 'unauthenticated':
    case 'credentials-wrong':
      return 401;
    case 'password-wrong':
    case 'sign-in-not-recent':
    case 'confirmation-needed':
    case 'email-not-verified':
    case 'form-expired':
      return 403;
    case 'not-found':
    case 'passkey-not-found':
      return 404;
    case 'passkey-none':
      return 409;
    case 'link-invalid':
      return 410;
    case 'locked':
      return 429;
  }
}

/** The field of the account page a problem of a form is about. */
export function fieldOfProblem(
  problem: AccountProblem,
  form: 'password' | 'language' | 'notices' | 'passkey' | 'second-factor' | 'delete' | 'other',
): AccountField | undefined {
  const unconfirmed = problem === 'password-wrong' || problem === 'confirmation-needed';
  if (form === 'passkey' && unconfirmed) return 'passkey-confirm';
  if (form === 'second-factor' && unconfirmed) return 'second-factor-confirm';
  if (form === 'password') {
    if (problem === 'password-wrong') return 'current-password';
    if (problem.startsWith('password-')) return 'new-password';
  }
  if (form === 'delete' && problem === 'password-wrong') return 'delete-password';
  if (form === 'language' && problem === 'language-invalid') return 'language';
  if (form === 'notices' && problem === 'language-invalid') return 'notice-language';
  if (form === 'passkey' && problem === 'passkey-name-invalid') return 'passkey-name';
  return undefined;
}

/** The API's sentences (English: the portal translates by `code`). */
const SENTENCES: Partial<Record<AccountProblem, string>> = {
  unauthenticated:
    'send an access token of this issuer for your account as Authorization: Bearer <token>',
  'not-found': 'there is no account for this access token',
  'sign-in-not-recent':
    'deleting the account needs an access token from a sign-in of the last 10 minutes: sign in again (prompt=login, max_age=0) and retry with the new token',
};

/** Runs an API use case, answering its errors with their status, code and a sentence. */
export async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const problem = problemOf(error);
    if (!problem) throw error;
    const status = statusOfProblem(problem);
    throw new HttpException(
      { statusCode: status, code: problem, message: SENTENCES[problem] ?? problem },
      status,
    );
  }
}
