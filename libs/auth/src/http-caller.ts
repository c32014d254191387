import { HttpException, HttpStatus } from '@nestjs/common';
import type { Authenticator } from './authenticator.js';
import type { Caller } from './caller.js';
import { InvalidTokenError, bearerToken } from './tokens.js';

/**
 * The verified caller of a plain HTTP endpoint (GraphQL has CallerGuard): a bearer token naming
 * a party that may act is required; a missing, malformed, forged or expired one, or one whose
 * party is unknown or of the wrong kind, is a 401 with the reason.
 */
export async function httpCaller(
  authenticator: Authenticator,
  authorization: string | undefined,
): Promise<Caller> {
  const unauthorized = (message: string) =>
    new HttpException({ statusCode: HttpStatus.UNAUTHORIZED, message }, HttpStatus.UNAUTHORIZED);
  try {
    const token = bearerToken(authorization);
    if (!token) throw unauthorized('a bearer token is required');
    return await authenticator.callerOf(token);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw unauthorized(error.message);
    throw error;
  }
}
