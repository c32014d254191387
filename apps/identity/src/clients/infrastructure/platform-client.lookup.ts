import { Injectable } from '@nestjs/common';
import type { ClientMetadata } from 'oidc-provider';
import { Role } from '#libs/contracts';
import { liveSecrets } from '../domain/platform-client.js';
import { ImportApiKeysHandler } from '../import-api-keys/import-api-keys.handler.js';
import { ClientClock } from './client-clock.js';
import { PlatformClientStore } from './platform-client.store.js';
import { secretMatches } from './secret-hashing.js';

/**
 * The provider's view of platform clients: their metadata when the provider looks a client up
 * (client credentials only, role PLATFORM and the party), and the check of a presented secret
 * against the stored hashes still within their grace.
 */
@Injectable()
export class PlatformClientLookup {
  constructor(
    private readonly store: PlatformClientStore,
    private readonly clock: ClientClock,
    private readonly apiKeys: ImportApiKeysHandler,
  ) {}

  /**
   * The client's metadata, without any secret (the provider asks `verifySecret`). A client of
   * an API key not carried over yet (made since the last periodic move) is carried over now,
   * so a key works as soon as it is made.
   */
  async metadata(clientId: string): Promise<ClientMetadata | undefined> {
    let client = await this.store.active(clientId);
    if (!client && (await this.apiKeys.carryOverKey(clientId))) {
      client = await this.store.active(clientId);
    }
    if (!client) return undefined;
    return {
      client_id: client.clientId,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: client.authMethod,
      ...(client.jwk ? { jwks: { keys: [client.jwk] } } : {}),
      role: Role.PLATFORM,
      party: client.partyId,
    } as ClientMetadata;
  }

  /**
   * Whether `secret` is a live secret of the client; undefined when the client is not a stored
   * one (a configured client, which the provider checks itself).
   */
  async verifySecret(clientId: string, secret: string): Promise<boolean | undefined> {
    const client = await this.store.active(clientId);
    if (!client) return undefined;
    for (const stored of liveSecrets(await this.store.secrets(clientId), this.clock.now())) {
      if (await secretMatches(secret, stored.hash)) return true;
    }
    return false;
  }
}
