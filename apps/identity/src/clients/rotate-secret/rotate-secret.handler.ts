import { Injectable } from '@nestjs/common';
import { IdentityConfig } from '../../identity.config.js';
import { ClientsError, ClientsErrorCode } from '../domain/clients.errors.js';
import {
  assertMayManageClients,
  type ClientManager,
  graceEnd,
  liveSecrets,
  mayManageClientOf,
} from '../domain/platform-client.js';
import { ClientClock } from '../infrastructure/client-clock.js';
import type { PlatformClientEntity } from '../infrastructure/platform-client.entity.js';
import { PlatformClientStore } from '../infrastructure/platform-client.store.js';
import { hashSecret, newClientSecret } from '../infrastructure/secret-hashing.js';

export interface RotatedSecret {
  client: PlatformClientEntity;
  secret: string;
  /** Until when the secrets it replaced keep working. */
  previousValidUntil: Date;
}

/**
 * Gives a client a new secret (shown once) and lets the ones it replaces work for the grace
 * period (IDENTITY_CLIENT_SECRET_GRACE_HOURS), so machines move over without a gap. Another
 * platform's client, or one that does not exist, is NOT_FOUND.
 */
@Injectable()
export class RotateSecretHandler {
  constructor(
    private readonly store: PlatformClientStore,
    private readonly clock: ClientClock,
    private readonly config: IdentityConfig,
  ) {}

  async execute(caller: ClientManager, clientId: string): Promise<RotatedSecret> {
    assertMayManageClients(caller);
    const secret = newClientSecret();
    const hash = await hashSecret(secret);
    return this.store.transaction(async (manager) => {
      const client = await this.store.active(clientId, manager);
      if (!client || !mayManageClientOf(caller, client.partyId)) {
        throw new ClientsError(ClientsErrorCode.NOT_FOUND, `no client ${clientId}`);
      }
      if (client.authMethod === 'private_key_jwt') {
        throw new ClientsError(
          ClientsErrorCode.INVALID_REQUEST,
          'this client authenticates with the platform’s key and has no secret: register a client with the new key instead',
        );
      }
      const now = this.clock.now();
      const graceMs = this.config.IDENTITY_CLIENT_SECRET_GRACE_HOURS * 3600_000;
      let previousValidUntil = now;
      for (const old of liveSecrets(await this.store.secrets(clientId, manager), now)) {
        old.expiresAt = graceEnd(old.expiresAt, now, graceMs);
        if (old.expiresAt > previousValidUntil) previousValidUntil = old.expiresAt;
        await manager.save(old);
      }
      await this.store.addSecret(manager, clientId, hash, now);
      await this.store.audit(manager, client, 'SECRET_ROTATED', caller, now);
      return { client, secret, previousValidUntil };
    });
  }
}
