import { Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { IdentityConfig } from '../../identity.config.js';
import { AccountSelfError } from '../domain/account-self-rules.js';

/**
 * The person calling `/v1/me`: a Bearer access token of this issuer for the API resource
 * (RFC 9068 `at+jwt`, ES256) whose subject is their account, with or without a role. The
 * token is verified with `jose` against the issuer's own JWKS (cached, refetched for a new key).
 */
@Injectable()
export class PersonAuthenticator {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly config: IdentityConfig) {
    this.keys = createRemoteJWKSet(new URL(`${config.issuer.replace(/\/$/, '')}/jwks`));
  }

  /** The account id of the token's subject. */
  async accountOf(
    authorization: string | undefined,
  ): Promise<{ accountId: string; clientId?: string }> {
    const [scheme, token] = (authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new AccountSelfError('unauthenticated');
    }
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.config.issuer,
        audience: this.config.IDENTITY_API_RESOURCE,
        typ: 'at+jwt',
        algorithms: ['ES256'],
      });
      const clientId = typeof payload.client_id === 'string' ? payload.client_id : undefined;
      // A machine's token (client credentials) names its client, not a person.
      if (!payload.sub || payload.sub === clientId) throw new AccountSelfError('not-found');
      return { accountId: payload.sub, clientId };
    } catch (error) {
      if (error instanceof errors.JOSEError) throw new AccountSelfError('unauthenticated');
      throw error;
    }
  }
}
