import { Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { IdentityConfig } from '../../identity.config.js';
import { ClientsError, ClientsErrorCode } from '../domain/clients.errors.js';
import type { ClientManager } from '../domain/platform-client.js';

/**
 * Who calls the management API: a Bearer access token of this issuer for the API resource
 * (RFC 9068: `at+jwt`, ES256), verified with `jose` against the issuer's own JWKS (cached,
 * refetched when a token names a key it has not seen). Its `role` and `party` say what the
 * caller may do.
 */
@Injectable()
export class ClientManagerAuthenticator {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly config: IdentityConfig) {
    this.keys = createRemoteJWKSet(new URL(`${config.issuer.replace(/\/$/, '')}/jwks`));
  }

  async caller(authorization: string | undefined): Promise<ClientManager> {
    const [scheme, token] = (authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new ClientsError(
        ClientsErrorCode.UNAUTHENTICATED,
        'send an access token of this issuer as Authorization: Bearer <token>',
      );
    }
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.config.issuer,
        audience: this.config.IDENTITY_API_RESOURCE,
        typ: 'at+jwt',
        algorithms: ['ES256'],
      });
      return {
        subject: String(payload.sub ?? ''),
        role: typeof payload.role === 'string' ? payload.role : '',
        party: typeof payload.party === 'string' ? payload.party : undefined,
      };
    } catch (error) {
      if (error instanceof errors.JOSEError) {
        throw new ClientsError(
          ClientsErrorCode.UNAUTHENTICATED,
          'the access token is not valid here (expired, of another issuer or audience, or altered)',
        );
      }
      throw error;
    }
  }
}
