import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { importJWK, SignJWT } from 'jose';
import { Role } from '#libs/contracts';
import { IdentityConfig } from '../../identity.config.js';
import { OidcProviderHost } from '../../oidc/infrastructure/oidc-provider.host.js';
import { GrantsError, GrantsErrorCode } from '../domain/grant-rules.js';

/** A party as the registry tells it. */
export interface RegistryParty {
  id: string;
  kind: string;
  name: string;
}

/** The subject of the identity app's own tokens (an operator without a party). */
export const IDENTITY_SERVICE_SUBJECT = 'identity-service';
const SERVICE_TOKEN_SECONDS = 60;

interface GraphqlAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * The rights registry, asked over GraphQL (IDENTITY_REGISTRY_URL; by default the gateway at the
 * issuer's origin) as the OPERATOR, with a short access token the identity app signs for itself
 * with its current signing key: the same profile as the provider's (RFC 9068, ES256, this
 * issuer and resource), so the gateway and the registry verify it by the JWKS like any other.
 */
@Injectable()
export class RegistryClient {
  constructor(
    private readonly config: IdentityConfig,
    private readonly host: OidcProviderHost,
  ) {}

  /**
   * Registers a right holder; the key makes a retry (also after a crash before the grant was
   * given) answer the party registered the first time.
   */
  async registerRightHolder(
    input: { name: string; country: string; ipiNameNumber?: string },
    idempotencyKey: string,
  ): Promise<RegistryParty> {
    const data = await this.ask<{ registerParty: RegistryParty }>(
      `mutation Register($input: RegisterPartyInput!) {
        registerParty(input: $input) { id kind name }
      }`,
      { input: { ...input, kind: 'RIGHT_HOLDER', idempotencyKey } },
    );
    return data.registerParty;
  }

  /** The party, or undefined when the registry has none with that id. */
  async party(id: string): Promise<RegistryParty | undefined> {
    try {
      const data = await this.ask<{ party: RegistryParty | null }>(
        `query Party($id: ID!) { party(id: $id) { id kind name } }`,
        { id },
      );
      return data.party ?? undefined;
    } catch (error) {
      if (error instanceof GrantsError && error.code === GrantsErrorCode.NOT_FOUND)
        return undefined;
      throw error;
    }
  }

  /** Whether the party is a member of the society today (false for no such party). */
  async memberOf(partyId: string, societyId: string): Promise<boolean> {
    if (!societyId) return false;
    try {
      const data = await this.ask<{ party: { memberOf: boolean } | null }>(
        `query Member($id: ID!, $society: ID!) { party(id: $id) { memberOf(societyId: $society) } }`,
        { id: partyId, society: societyId },
      );
      return data.party?.memberOf === true;
    } catch (error) {
      if (error instanceof GrantsError && error.code === GrantsErrorCode.NOT_FOUND) return false;
      throw error;
    }
  }

  private async ask<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.config.registryUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await this.serviceToken()}`,
        },
        body: JSON.stringify({ query, variables }),
      });
    } catch {
      throw unavailable();
    }
    const answer = (await response.json().catch(() => ({}))) as GraphqlAnswer<T>;
    const [error] = answer.errors ?? [];
    if (error) {
      const code = REGISTRY_CODES[error.extensions?.code ?? ''];
      if (!code) throw unavailable();
      throw new GrantsError(code, `the rights registry refused: ${error.message}`);
    }
    if (!answer.data) throw unavailable();
    return answer.data;
  }

  private async serviceToken(): Promise<string> {
    const jwk = this.host.signingKey;
    if (!jwk?.kid) throw unavailable();
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ role: Role.OPERATOR, client_id: IDENTITY_SERVICE_SUBJECT })
      .setProtectedHeader({ alg: 'ES256', kid: jwk.kid, typ: 'at+jwt' })
      .setIssuer(this.config.issuer)
      .setAudience(this.config.IDENTITY_API_RESOURCE)
      .setSubject(IDENTITY_SERVICE_SUBJECT)
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setExpirationTime(now + SERVICE_TOKEN_SECONDS)
      .sign(await importJWK(jwk, 'ES256'));
  }
}

/** The registry's refusals a caller can act on, and what they are here. */
const REGISTRY_CODES: Record<string, GrantsErrorCode> = {
  BAD_USER_INPUT: GrantsErrorCode.INVALID_REQUEST,
  CONFLICT: GrantsErrorCode.CONFLICT,
  NOT_FOUND: GrantsErrorCode.NOT_FOUND,
};

function unavailable(): GrantsError {
  return new GrantsError(
    GrantsErrorCode.UNAVAILABLE,
    'the rights registry cannot be reached now; try again later',
  );
}
