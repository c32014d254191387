import { Injectable } from '@nestjs/common';
import {
  type GrantCaller,
  GrantsError,
  GrantsErrorCode,
  mayRevoke,
} from '../domain/grant-rules.js';
import { GrantStore } from '../infrastructure/grant.store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Takes a grant back: the holder gives up its own, the operator any, a society admin those on
 * its society. Tokens acting as it lose its role at their next refresh. A grant the caller may
 * not touch is NOT_FOUND, as is one that does not exist; taking it back again changes nothing.
 */
@Injectable()
export class RevokeGrantHandler {
  constructor(private readonly store: GrantStore) {}

  async execute(caller: GrantCaller, grantId: string): Promise<void> {
    const grant = UUID.test(grantId) ? await this.store.findById(grantId) : null;
    // Members' parties of a society are not told by the registry yet: see ADR 0029.
    if (!grant || !mayRevoke(caller, { ...grant, role: grant.role as never }, false)) {
      throw new GrantsError(GrantsErrorCode.NOT_FOUND, `no grant ${grantId}`);
    }
    await this.store.revoke(grant);
  }
}
