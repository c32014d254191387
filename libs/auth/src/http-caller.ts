import { HttpException, HttpStatus } from '@nestjs/common';
import type { Caller } from './caller.js';
import { InvalidTokenError, bearerToken, type Tokens } from './tokens.js';

/**
 * The verified caller of a plain HTTP endpoint (GraphQL has CallerGuard): a bearer token is
 * required; a missing, malformed, forged or expired one is a 401 with the reason.
 */
export async function httpCaller(
  tokens: Tokens,
  authorization: string | undefined,
): Promise<Caller> {
  const unauthorized = (message: string) =>
    new HttpException({ statusCode: HttpStatus.UNAUTHORIZED, message }, HttpStatus.UNAUTHORIZED);
  try {
    const token = bearerToken(authorization);
    if (!token) throw unauthorized('a bearer token is required');
    return await tokens.verify(token);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw unauthorized(error.message);
    throw error;
  }
}
