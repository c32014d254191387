import { SignJWT, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import { Role } from '#libs/contracts';
import type { Caller } from './caller.js';
import type { IssuerTokens } from './issuer-tokens.js';
import { InvalidTokenError } from './token-errors.js';

export { InvalidTokenError, type TokenProblem } from './token-errors.js';

/** How tokens are checked: an OpenID issuer's, and shared-secret (HS256) ones when accepted. */
export interface TokenKeys {
  /** The HS256 secret: signs the tokens this process issues (the CLI, the API-key exchange). */
  secret?: string;
  /** Whether HS256 tokens are accepted (see resolveTokens); default: when a secret is given. */
  acceptShared?: boolean;
  /** The `iss` of HS256 tokens. */
  issuer?: string;
  /** The OpenID issuer whose access tokens are accepted. */
  oidc?: IssuerTokens;
}

const SHARED_REFUSED =
  'tokens signed with a shared secret (HS256) are not accepted here; use an access token from the identity provider';

/**
 * Verifies bearer tokens, one rule for the gateway and every subgraph: a token whose header
 * says HS256 is a shared-secret token (`sub` the party id, `role` its role), checked only when
 * such tokens are accepted; any other is an access token of the OpenID issuer (see
 * IssuerTokens), which never accepts HS256 or `none`. Issues HS256 tokens with the secret.
 */
export class Tokens {
  private readonly issuer: string;
  private readonly secret: Uint8Array | undefined;
  private readonly acceptShared: boolean;
  private readonly oidc: IssuerTokens | undefined;

  /** `secret`: HS256 with that secret only (tests, tools). */
  constructor(secretOrKeys: string | TokenKeys) {
    const keys: TokenKeys =
      typeof secretOrKeys === 'string' ? { secret: secretOrKeys } : secretOrKeys;
    this.issuer = keys.issuer ?? 'clearinghouse';
    this.secret = keys.secret === undefined ? undefined : new TextEncoder().encode(keys.secret);
    this.acceptShared = (keys.acceptShared ?? true) && this.secret !== undefined;
    this.oidc = keys.oidc;
  }

  /** An HS256 token for `caller` (accepted where shared-secret tokens are). */
  async issue(caller: Caller, ttlSeconds: number): Promise<string> {
    if (!this.secret) throw new Error('HS256 tokens are issued with AUTH_JWT_SECRET');
    return new SignJWT({ role: caller.role })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(caller.partyId)
      .setIssuer(this.issuer)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.secret);
  }

  async verify(token: string): Promise<Caller> {
    let algorithm: unknown;
    try {
      algorithm = decodeProtectedHeader(token).alg;
    } catch {
      throw new InvalidTokenError('malformed', 'the token is malformed');
    }
    if (algorithm === 'HS256') {
      if (!this.acceptShared) throw new InvalidTokenError('invalid', SHARED_REFUSED);
      return this.verifyShared(token);
    }
    if (this.oidc) return this.oidc.verify(token);
    if (algorithm === 'none') throw new InvalidTokenError('invalid', 'the token is not signed');
    throw new InvalidTokenError(
      'invalid',
      'this process accepts shared-secret (HS256) tokens only; no identity provider is configured',
    );
  }

  private async verifyShared(token: string): Promise<Caller> {
    try {
      // A token without `exp` would never expire: refused.
      const { payload } = await jwtVerify(token, this.secret!, {
        algorithms: ['HS256'],
        issuer: this.issuer,
        requiredClaims: ['exp', 'sub'],
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
