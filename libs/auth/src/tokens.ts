import { SignJWT, errors, jwtVerify } from 'jose';
import { Role } from '#libs/contracts';
import type { Caller } from './caller.js';

const ISSUER = 'clearinghouse';
const ALGORITHM = 'HS256';

export type TokenProblem = 'missing' | 'malformed' | 'expired' | 'invalid';

/** A token that does not identify a caller, and why. */
export class InvalidTokenError extends Error {
  constructor(
    readonly problem: TokenProblem,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

/** Issues and verifies bearer tokens: `sub` is the party id, `role` its role. */
export class Tokens {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(caller: Caller, ttlSeconds: number): Promise<string> {
    return new SignJWT({ role: caller.role })
      .setProtectedHeader({ alg: ALGORITHM })
      .setSubject(caller.partyId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.key);
  }

  async verify(token: string): Promise<Caller> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
      });
      const role = payload.role;
      if (typeof payload.sub !== 'string' || payload.sub.length === 0) {
        throw new InvalidTokenError('invalid', 'the token names no party');
      }
      if (typeof role !== 'string' || !(Object.values(Role) as string[]).includes(role)) {
        throw new InvalidTokenError('invalid', 'the token carries no known role');
      }
      return { role: role as Role, partyId: payload.sub };
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      if (error instanceof errors.JWTExpired)
        throw new InvalidTokenError('expired', 'the token has expired');
      if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
        throw new InvalidTokenError('malformed', 'the token is malformed');
      }
      throw new InvalidTokenError('invalid', 'the token is not valid');
    }
  }
}

/** The token of an `Authorization: Bearer <token>` header, undefined when there is none. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(value.trim());
  if (!match)
    throw new InvalidTokenError('malformed', 'the Authorization header must be "Bearer <token>"');
  return match[1];
}
