import type { KeyObject, webcrypto } from 'node:crypto';
import { SignJWT, errors, jwtVerify, type JWTVerifyGetKey, type JWTVerifyResult } from 'jose';
import { Role } from '#libs/contracts';
import type { Caller } from './caller.js';

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

/** How tokens are signed and checked: a shared HS256 secret, or RS256 keys. */
export type TokenKeys =
  | { algorithm: 'HS256'; secret: string; issuer?: string }
  | {
      algorithm: 'RS256';
      /** A public key, or a key set (JWKS) looked up by the token's `kid`. */
      verify: webcrypto.CryptoKey | KeyObject | JWTVerifyGetKey;
      /** Needed only to issue tokens. */
      sign?: webcrypto.CryptoKey | KeyObject;
      issuer?: string;
    };

/** Issues and verifies bearer tokens: `sub` is the party id, `role` its role. */
export class Tokens {
  private readonly algorithm: TokenKeys['algorithm'];
  private readonly issuer: string;
  private readonly signKey: Uint8Array | webcrypto.CryptoKey | KeyObject | undefined;
  private readonly verifyToken: (token: string) => Promise<JWTVerifyResult>;

  /** `secret`: HS256 with that secret (the default set-up). Keys are prepared once, here. */
  constructor(secretOrKeys: string | TokenKeys) {
    const keys: TokenKeys =
      typeof secretOrKeys === 'string'
        ? { algorithm: 'HS256', secret: secretOrKeys }
        : secretOrKeys;
    this.algorithm = keys.algorithm;
    this.issuer = keys.issuer ?? 'clearinghouse';
    // A token without `exp` would never expire: refused.
    const options = {
      algorithms: [keys.algorithm],
      issuer: this.issuer,
      requiredClaims: ['exp', 'sub'],
    };
    if (keys.algorithm === 'HS256') {
      const secret = new TextEncoder().encode(keys.secret);
      this.signKey = secret;
      this.verifyToken = (token) => jwtVerify(token, secret, options);
    } else {
      const verify = keys.verify;
      this.signKey = keys.sign;
      // Two calls only because jose types a key set and a key as separate overloads.
      this.verifyToken =
        typeof verify === 'function'
          ? (token) => jwtVerify(token, verify, options)
          : (token) => jwtVerify(token, verify, options);
    }
  }

  async issue(caller: Caller, ttlSeconds: number): Promise<string> {
    const token = new SignJWT({ role: caller.role })
      .setProtectedHeader({ alg: this.algorithm })
      .setSubject(caller.partyId)
      .setIssuer(this.issuer)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`);
    if (!this.signKey) throw new Error('RS256 tokens are issued with AUTH_JWT_PRIVATE_KEY');
    return token.sign(this.signKey);
  }

  async verify(token: string): Promise<Caller> {
    try {
      const { payload } = await this.verifyToken(token);
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
      if (error instanceof errors.JWTClaimValidationFailed && error.reason === 'missing') {
        throw new InvalidTokenError('invalid', `the token has no "${error.claim}" claim`);
      }
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
