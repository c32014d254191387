import { apiError } from '#libs/auth';
import { UsageError, UsageErrorCode } from '../domain/usage.errors.js';

/** Runs a use case, turning its UsageError into the API's error. */
export async function mapUsageErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw apiError(
      error.code === UsageErrorCode.KEY_REUSED ? 'CONFLICT' : 'BAD_USER_INPUT',
      error.message,
    );
  }
}
