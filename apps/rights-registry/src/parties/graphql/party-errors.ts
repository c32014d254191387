import type { GraphQLError } from 'graphql';
import { apiError } from '#libs/auth';
import { PartyError, PartyErrorCode } from '../domain/party.errors.js';

export function toGraphQLError(error: PartyError): GraphQLError {
  switch (error.code) {
    case PartyErrorCode.INVALID_PARTY:
      return apiError('BAD_USER_INPUT', error.message);
    case PartyErrorCode.PARTY_NOT_FOUND:
      return apiError('NOT_FOUND', error.message);
    case PartyErrorCode.NOT_ALLOWED:
      return apiError('FORBIDDEN', error.message);
    case PartyErrorCode.DUPLICATE_IPI:
    case PartyErrorCode.KEY_REUSED:
      return apiError('CONFLICT', error.message);
  }
}

/** Runs a use case, turning its PartyError into the API's error. */
export async function mapPartyErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof PartyError ? toGraphQLError(error) : error;
  }
}
