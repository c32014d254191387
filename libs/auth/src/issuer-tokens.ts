import {
  createRemoteJWKSet,
  decodeJwt,
  errors,
  jwtVerify,
  type JWTVerifyGetKey,
  type FlattenedJWSInput,
  type CompactJWSHeaderParameters,
} from 'jose';
import { callerFromClaims, type ClaimMapping } from './access-token-claims.js';
import type { Caller } from './caller.js';
import { InvalidTokenError } from './token-errors.js';

/** Asymmetric algorithms only: never HS* (a public key is no secret) and never `none`. */
export const ACCEPTED_ALGORITHMS = ['ES256', 'RS256'];

/** Clock difference tolerated on `exp`, `nbf` and `iat` (seconds). */
export const CLOCK_TOLERANCE_SECONDS = 30;

export interface IssuerSettings {
  /** The issuer identifier tokens must carry as `iss`. */
  issuer: string;
  /** The audience (`aud`) they must name. */
  audience: string;
  /** The key set; undefined: the `jwks_uri` of the issuer's discovery document. */
  jwksUri?: string;
  claims: ClaimMapping;
  /** Least time (ms) between two fetches of the key set. */
  cooldownMs?: number;
}

const FETCH_TIMEOUT_MS = 5000;

const ANOTHER_ISSUER = 'the token was issued by another issuer than this API trusts';

/**
 * Access tokens of an OpenID issuer (RFC 9068 JWTs): verified by the issuer's JWKS, fetched
 * when first needed and cached (jose's remote key set: a token with an unknown `kid` refetches
 * it, at most once per cooldown, so a rotated key is taken without a restart); header `typ`
 * at+jwt, `alg` ES256 or RS256, `iss`, `aud`, `exp` and `nbf` checked, then the caller read from
 * the configured claims.
 */
export class IssuerTokens {
  private keySet: Promise<JWTVerifyGetKey> | undefined;

  constructor(private readonly settings: IssuerSettings) {}

  get issuer(): string {
    return this.settings.issuer;
  }

  async verify(token: string): Promise<Caller> {
    let payload: Record<string, unknown>;
    try {
      // Another issuer's token is refused before any key is looked up (nor fetched for it).
      if (decodeJwt(token).iss !== this.settings.issuer) {
        throw new InvalidTokenError('invalid', ANOTHER_ISSUER);
      }
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        typ: 'at+jwt',
        algorithms: ACCEPTED_ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      throw refusal(error);
    }
    const caller = callerFromClaims(payload, this.settings.claims);
    if (typeof caller === 'string') throw new InvalidTokenError('invalid', caller);
    return caller;
  }

  /** The key lookup jose calls with each token's header. */
  private readonly keys: JWTVerifyGetKey = async (
    header: CompactJWSHeaderParameters,
    input: FlattenedJWSInput,
  ) => {
    this.keySet ??= this.remoteKeySet();
    // A failed discovery is asked again by the next token, not remembered.
    const keySet = await this.keySet.catch((error: unknown) => {
      this.keySet = undefined;
      throw error;
    });
    return keySet(header, input);
  };

  private async remoteKeySet(): Promise<JWTVerifyGetKey> {
    const uri = this.settings.jwksUri ?? (await this.discoveredJwksUri());
    return createRemoteJWKSet(new URL(uri), {
      cooldownDuration: this.settings.cooldownMs ?? 10_000,
      timeoutDuration: FETCH_TIMEOUT_MS,
    });
  }

  private async discoveredJwksUri(): Promise<string> {
    const issuer = this.settings.issuer;
    const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    let document: { issuer?: unknown; jwks_uri?: unknown };
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      document = (await response.json()) as typeof document;
    } catch {
      throw new KeysUnavailableError();
    }
    // RFC 8414: the document must name the issuer it was asked for.
    if (document.issuer !== issuer || typeof document.jwks_uri !== 'string') {
      throw new KeysUnavailableError();
    }
    return document.jwks_uri;
  }
}

/** The issuer's keys could not be had (discovery or key set unreachable, or malformed). */
class KeysUnavailableError extends Error {
  constructor() {
    super("the identity provider's keys could not be fetched; retry shortly");
  }
}

/** The sentence a refused token gets: what was wrong, never the token or a key. */
function refusal(error: unknown): InvalidTokenError {
  if (error instanceof InvalidTokenError) return error;
  if (error instanceof KeysUnavailableError) return new InvalidTokenError('invalid', error.message);
  if (error instanceof errors.JWTExpired) {
    return new InvalidTokenError('expired', 'the token has expired');
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    const sentence: Record<string, string> = {
      iss: ANOTHER_ISSUER,
      aud: 'the token is not meant for this API (its audience)',
      nbf: 'the token is not valid yet',
      iat: 'the token was issued in the future',
      typ: 'the token is not an access token (its type must be at+jwt)',
    };
    if (error.reason === 'missing') {
      return new InvalidTokenError('invalid', `the token has no "${error.claim}" claim`);
    }
    return new InvalidTokenError('invalid', sentence[error.claim] ?? 'the token is not valid');
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return new InvalidTokenError(
      'invalid',
      `the token is signed with an algorithm this API does not accept (only ${ACCEPTED_ALGORITHMS.join(', ')})`,
    );
  }
  if (
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys
  ) {
    return new InvalidTokenError(
      'invalid',
      'the token is signed by a key its issuer does not publish',
    );
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new InvalidTokenError('invalid', 'the token signature does not verify');
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return new InvalidTokenError('malformed', 'the token is malformed');
  }
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    return new InvalidTokenError('invalid', new KeysUnavailableError().message);
  }
  if (error instanceof errors.JOSEError) {
    return new InvalidTokenError('invalid', 'the token is not valid');
  }
  // A key set that cannot be fetched (connection refused) is a plain fetch error.
  return new InvalidTokenError('invalid', new KeysUnavailableError().message);
}
