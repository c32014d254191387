import { Injectable } from '@nestjs/common';
import { Role } from '#libs/contracts';
import { ClientsError, ClientsErrorCode } from '../domain/clients.errors.js';
import {
  assertMayManageClients,
  type ClientManager,
  partyOfOperation,
} from '../domain/platform-client.js';
import type { PlatformClientEntity } from '../infrastructure/platform-client.entity.js';
import { PlatformClientStore } from '../infrastructure/platform-client.store.js';

/**
 * The clients the caller manages: platform staff see their own platform's; the operator every
 * platform's, or one platform's when it names it.
 */
@Injectable()
export class ListClientsHandler {
  constructor(private readonly store: PlatformClientStore) {}

  execute(caller: ClientManager, party: string | undefined): Promise<PlatformClientEntity[]> {
    assertMayManageClients(caller);
    if (party === '') {
      throw new ClientsError(ClientsErrorCode.INVALID_REQUEST, 'party must be a party id (a UUID)');
    }
    if (caller.role === (Role.OPERATOR as string) && party === undefined) {
      return this.store.list(undefined);
    }
    return this.store.list(partyOfOperation(caller, party));
  }
}
