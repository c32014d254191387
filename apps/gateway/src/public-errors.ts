import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

/** Codes whose messages are written for clients: passed on as they are. */
const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** Extensions a client may see; the rest (subgraph URLs, responses, stacks) stays here. */
const PUBLIC_EXTENSIONS = new Set(['code', 'problems', 'retryable', 'retryAfterSeconds']);

export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';
/** Seconds a client is asked to wait when a service behind the gateway is unavailable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;
const UNAVAILABLE_MESSAGE =
  'a service behind this endpoint is unavailable right now; nothing was changed by the failed part, retry in a few seconds';
const INTERNAL_MESSAGE = 'an internal error occurred; it has been logged';

/** Network failures: a subgraph that cannot be reached, or hung up. */
const NETWORK_CODES =
  /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|EPIPE|UND_ERR_\w+)$/;

/** The same failures as a subgraph words them (a driver's message passed on unmapped). */
const NETWORK_MESSAGES =
  /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN)\b|Connection terminated unexpectedly|the database system is (starting up|shutting down)/;

type Cause = {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  originalError?: unknown;
  extensions?: unknown;
};

/** Whether an error, or anything it wraps, says a subgraph was unreachable or unavailable. */
export function isUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 8 || error === null || typeof error !== 'object') return false;
  const { code, message, cause, originalError, extensions } = error as Cause;
  if (typeof code === 'string' && NETWORK_CODES.test(code)) return true;
  if (typeof message === 'string' && NETWORK_MESSAGES.test(message)) return true;
  const ext = (extensions ?? {}) as {
    code?: unknown;
    response?: { status?: unknown; body?: unknown };
  };
  if (ext.code === SERVICE_UNAVAILABLE) return true;
  const status = ext.response?.status;
  if (status === 502 || status === 503 || status === 504) return true;
  const body = ext.response?.body as { errors?: unknown[] } | undefined;
  if (Array.isArray(body?.errors) && body.errors.some((inner) => isUnavailable(inner, depth + 1)))
    return true;
  return isUnavailable(cause, depth + 1) || isUnavailable(originalError, depth + 1);
}

/**
 * What a client is told of an error. A subgraph that is unreachable or unavailable (its
 * database down) becomes SERVICE_UNAVAILABLE, marked retryable, with a sentence and nothing
 * else; outside development, any error without a public code becomes INTERNAL_SERVER_ERROR with
 * a sentence, and only public extensions are kept: no addresses, ports, stacks or SQL.
 */
export function publicError(
  formatted: GraphQLFormattedError,
  error: unknown,
  development: boolean,
): GraphQLFormattedError {
  const base = { ...(formatted.path ? { path: formatted.path } : {}) };
  const code = formatted.extensions?.code;
  // A refusal with a public code is the client's own (its text may quote anything it sent).
  const refusal = typeof code === 'string' && PUBLIC_CODES.has(code);
  if (!refusal && (isUnavailable(error) || isUnavailable(formatted))) {
    return {
      ...base,
      message: UNAVAILABLE_MESSAGE,
      extensions: { code: SERVICE_UNAVAILABLE, retryable: true },
    };
  }
  if (development) return formatted;
  if (!refusal) {
    return { ...base, message: INTERNAL_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  const extensions = Object.fromEntries(
    Object.entries(formatted.extensions ?? {}).filter(([name]) => PUBLIC_EXTENSIONS.has(name)),
  );
  return {
    message: formatted.message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...base,
    extensions,
  };
}

/** Answers HTTP 503 with Retry-After when any error of the answer is SERVICE_UNAVAILABLE. */
export function serviceUnavailableStatusPlugin(retryAfterSeconds: number): ApolloServerPlugin {
  return {
    requestDidStart: () =>
      Promise.resolve({
        willSendResponse: ({ response }) => {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : [];
          if (errors?.some((error) => error.extensions?.code === SERVICE_UNAVAILABLE)) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(retryAfterSeconds));
          }
          return Promise.resolve();
        },
      }),
  };
}
