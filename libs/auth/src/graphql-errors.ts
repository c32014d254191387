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
