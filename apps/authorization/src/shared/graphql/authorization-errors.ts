import { apiError } from '#libs/auth';
import { AuthorizationError, AuthorizationErrorCode } from '../domain/authorization.errors.js';

const CODES = {
  [AuthorizationErrorCode.INVALID_REQUEST]: 'BAD_USER_INPUT',
  [AuthorizationErrorCode.NOT_FOUND]: 'NOT_FOUND',
  [AuthorizationErrorCode.NOT_ALLOWED]: 'FORBIDDEN',
  [AuthorizationErrorCode.KEY_REUSED]: 'CONFLICT',
} as const;

/** Runs a use case, turning its AuthorizationError into the API's error. */
export async function mapAuthorizationErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AuthorizationError)) throw error;
    throw apiError(CODES[error.code], error.message, { problems: error.problems });
  }
}
