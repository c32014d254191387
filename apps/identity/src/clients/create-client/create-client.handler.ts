import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ClientsError, ClientsErrorCode } from '../domain/clients.errors.js';
import {
  assertMayManageClients,
  type ClientManager,
  parseRegistration,
} from '../domain/platform-client.js';
import { ClientClock } from '../infrastructure/client-clock.js';
import { PlatformClientEntity } from '../infrastructure/platform-client.entity.js';
import { PlatformClientStore } from '../infrastructure/platform-client.store.js';
import { hashSecret, newClientSecret } from '../infrastructure/secret-hashing.js';

export interface CreatedClient {
  client: PlatformClientEntity;
  /** The secret, shown this once; absent for `private_key_jwt` and for a repeated request. */
  secret: string | undefined;
  /** The request repeated an earlier one (same Idempotency-Key): nothing new was made. */
  repeated: boolean;
}

const IDEMPOTENCY_KEY_MAX = 200;

/**
 * Registers a client of a platform's machines: bound to the platform (the caller's own, or the
 * one the operator names), with a new secret (stored only hashed) or the platform's public
 * key. With an Idempotency-Key, a repeat of the same request gets the same client, without
 * its secret (shown once); the key used for another request is CONFLICT.
 */
@Injectable()
export class CreateClientHandler {
  constructor(
    private readonly store: PlatformClientStore,
    private readonly clock: ClientClock,
  ) {}

  async execute(
    caller: ClientManager,
    body: unknown,
    idempotencyKey: string | undefined,
  ): Promise<CreatedClient> {
    assertMayManageClients(caller);
    if (
      idempotencyKey !== undefined &&
      (idempotencyKey.length === 0 || idempotencyKey.length > IDEMPOTENCY_KEY_MAX)
    ) {
      throw new ClientsError(
        ClientsErrorCode.INVALID_REQUEST,
        `the Idempotency-Key header must be 1 to ${IDEMPOTENCY_KEY_MAX} characters`,
      );
    }
    const registration = parseRegistration(caller, body);
    const requestHash = createHash('sha256').update(JSON.stringify(registration)).digest('hex');
    const repeated = async () => {
      const earlier = idempotencyKey
        ? await this.store.byIdempotencyKey(registration.party, idempotencyKey)
        : null;
      if (!earlier) return undefined;
      if (earlier.requestHash !== requestHash) {
        throw new ClientsError(
          ClientsErrorCode.CONFLICT,
          'this Idempotency-Key was used for another request: use a new key for a new client',
        );
      }
      return { client: earlier, secret: undefined, repeated: true };
    };
    const earlier = await repeated();
    if (earlier) return earlier;

    const now = this.clock.now();
    const secret = registration.authMethod === 'private_key_jwt' ? undefined : newClientSecret();
    const hash = secret === undefined ? undefined : await hashSecret(secret);
    try {
      const client = await this.store.transaction(async (manager) => {
        const created = manager.create(PlatformClientEntity, {
          clientId: randomUUID(),
          partyId: registration.party,
          name: registration.name,
          authMethod: registration.authMethod,
          jwk: registration.jwk ?? null,
          idempotencyKey: idempotencyKey ?? null,
          requestHash: idempotencyKey ? requestHash : null,
          apiKeyId: null,
          createdAt: now,
          deletedAt: null,
        });
        await manager.save(created);
        if (hash !== undefined) await this.store.addSecret(manager, created.clientId, hash, now);
        await this.store.audit(manager, created, 'CREATED', caller, now);
        return created;
      });
      return { client, secret, repeated: false };
    } catch (error) {
      // The same request sent twice at once: the other one made the client.
      if (error instanceof QueryFailedError && idempotencyKey) {
        const other = await repeated();
        if (other) return other;
      }
      throw error;
    }
  }
}
