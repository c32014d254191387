import type { GraphQLError } from 'graphql';
import { apiError } from '#libs/auth';
import { WorkError, WorkErrorCode } from '../domain/work.errors.js';

export function toGraphQLError(error: WorkError): GraphQLError {
  switch (error.code) {
    case WorkErrorCode.INVALID_WORK:
      return apiError('BAD_USER_INPUT', error.message, { problems: error.problems });
    case WorkErrorCode.WORK_NOT_FOUND:
      return apiError('NOT_FOUND', error.message);
    case WorkErrorCode.NOT_ALLOWED:
      return apiError('FORBIDDEN', error.message);
    case WorkErrorCode.DUPLICATE_IDENTIFIER:
    case WorkErrorCode.SHARES_CONFLICT:
    case WorkErrorCode.KEY_REUSED:
      return apiError('CONFLICT', error.message);
  }
}

/** Runs a use case, turning its WorkError into the API's error. */
export async function mapWorkErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof WorkError ? toGraphQLError(error) : error;
  }
}
