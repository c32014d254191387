import type { CodedError } from '#libs/contracts';
import { GraphQLError } from 'graphql';

/** Stable error codes of the public API (DESIGN.md, issue "Gateway and security"). */
export type ErrorCode =
  'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';

export function apiError(
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

/** How one refusal code of a service shows in the API: its error code, with the problems listed or not. */
export type RefusalMapping = ErrorCode | { code: ErrorCode; problems: true };

/**
 * A wrapper for a service's use cases: a refusal of class `refusal` (a CodedError) becomes the
 * API error its code maps to; any other error passes through.
 */
export function refusalMapper<Code extends string>(
  refusal: abstract new (...args: never[]) => CodedError<Code>,
  codes: Record<Code, RefusalMapping>,
): <T>(work: () => Promise<T>) => Promise<T> {
  return async (work) => {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof refusal)) throw error;
      const mapping = codes[error.code];
      throw typeof mapping === 'string'
        ? apiError(mapping, error.message)
        : apiError(mapping.code, error.message, { problems: error.problems });
    }
  };
}
