import { Injectable } from '@nestjs/common';
import { ClientsError, ClientsErrorCode } from '../domain/clients.errors.js';
import {
  assertMayManageClients,
  type ClientManager,
  mayManageClientOf,
} from '../domain/platform-client.js';
import { ClientClock } from '../infrastructure/client-clock.js';
import { PlatformClientEntity } from '../infrastructure/platform-client.entity.js';
import { PlatformClientStore } from '../infrastructure/platform-client.store.js';

/**
 * Deletes a client: from now on none of its secrets or keys gets a token (tokens it already
 * has run out within their short lifetime). The row stays for the audit. Deleting it again
 * changes nothing; another platform's client is NOT_FOUND.
 */
@Injectable()
export class DeleteClientHandler {
  constructor(
    private readonly store: PlatformClientStore,
    private readonly clock: ClientClock,
  ) {}

  async execute(caller: ClientManager, clientId: string): Promise<void> {
    assertMayManageClients(caller);
    await this.store.transaction(async (manager) => {
      const client = await manager
        .getRepository(PlatformClientEntity)
        .createQueryBuilder('client')
        .where('client.clientId = :clientId', { clientId })
        .setLock('pessimistic_write')
        .getOne();
      if (!client || !mayManageClientOf(caller, client.partyId)) {
        throw new ClientsError(ClientsErrorCode.NOT_FOUND, `no client ${clientId}`);
      }
      if (client.deletedAt) return;
      const now = this.clock.now();
      await manager.update(PlatformClientEntity, { clientId }, { deletedAt: now });
      await this.store.audit(manager, client, 'DELETED', caller, now);
    });
  }
}
