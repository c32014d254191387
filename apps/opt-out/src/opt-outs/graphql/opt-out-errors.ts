import { apiError } from '#libs/auth';
import { OptOutError, OptOutErrorCode } from '../domain/opt-out.errors.js';

const CODES = {
  [OptOutErrorCode.INVALID_OPT_OUT]: 'BAD_USER_INPUT',
  [OptOutErrorCode.NOT_FOUND]: 'NOT_FOUND',
  [OptOutErrorCode.NOT_ALLOWED]: 'FORBIDDEN',
  [OptOutErrorCode.KEY_REUSED]: 'CONFLICT',
} as const;

/** Runs a use case, turning its OptOutError into the API's error. */
export async function mapOptOutErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof OptOutError ? apiError(CODES[error.code], error.message) : error;
  }
}
