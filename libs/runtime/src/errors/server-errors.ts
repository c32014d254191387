/** What a request that failed on the server's side answers: never the error's own text. */
export interface ServerErrorAnswer {
  code: 'BAD_USER_INPUT' | 'CONFLICT' | 'SERVICE_UNAVAILABLE' | 'INTERNAL_SERVER_ERROR';
  status: 400 | 409 | 503 | 500;
  message: string;
}

/** Node's codes for a database that cannot be reached. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);
const SQLSTATE = /^[0-9A-Z]{5}$/;
/**
 * Transaction outcomes a retry of the same request can change: a deadlock or a serialization
 * failure among concurrent requests (class 40), a statement cancelled (query cancelled, lock or
 * statement timeout).
 */
const TRANSIENT = /^(40001|40P01|57014|55P03)$/;
/** pg-pool and pg's words for a pool that gave no connection or a connection that went away. */
const LOST_CONNECTION =
  /timeout exceeded when trying to connect|Connection terminated|connection is closed|Client has encountered a connection error/i;

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, driverError } = error as { code?: unknown; driverError?: unknown };
  if (typeof code === 'string') return code;
  return driverError === error ? undefined : codeOf(driverError);
}

/**
 * The answer to an error nothing else turned into an API error, by its SQLSTATE when it comes
 * from PostgreSQL: class 22 (data exception) and 54 (a value over a limit) are the request's
 * fault; 23505 is a duplicate; classes 08 and 57P (connection lost, server shutting down), an
 * unreachable database and a transaction lost to concurrent ones (deadlock, serialization
 * failure, a timeout) are worth a retry; anything else is the server's fault, to be looked up
 * in the logs by its correlation id.
 */
export function serverErrorAnswer(error: unknown, correlationId: string): ServerErrorAnswer {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : '';
  if (
    (code !== undefined &&
      (UNREACHABLE.has(code) || /^(08|57P)/.test(code) || TRANSIENT.test(code))) ||
    LOST_CONNECTION.test(message)
  ) {
    return {
      code: 'SERVICE_UNAVAILABLE',
      status: 503,
      message: 'the service is unavailable for a moment; try again',
    };
  }
  if (code !== undefined && SQLSTATE.test(code)) {
    if (code.startsWith('22') || code.startsWith('54'))
      return {
        code: 'BAD_USER_INPUT',
        status: 400,
        message: 'a value in the request is not valid',
      };
    if (code === '23505')
      return {
        code: 'CONFLICT',
        status: 409,
        message: 'the request conflicts with data that already exists',
      };
  }
  return {
    code: 'INTERNAL_SERVER_ERROR',
    status: 500,
    message: `the request could not be completed (correlation id ${correlationId})`,
  };
}
