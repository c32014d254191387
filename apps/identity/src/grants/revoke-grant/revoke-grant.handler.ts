import { Injectable } from '@nestjs/common';
import { Role } from '#libs/contracts';
import {
  type GrantCaller,
  GrantsError,
  GrantsErrorCode,
  isRole,
  mayRevoke,
} from '../domain/grant-rules.js';
import type { GrantEntity } from '../infrastructure/grant.entity.js';
import { GrantStore } from '../infrastructure/grant.store.js';
import { RegistryClient } from '../infrastructure/registry.client.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Takes a grant back: the holder gives up its own, the operator any, a society admin those on
 * its society and the right holder grants on its members' parties. Tokens acting as it lose its role at their next refresh. A grant the caller may
 * not touch is NOT_FOUND, as is one that does not exist; taking it back again changes nothing.
 */
@Injectable()
export class RevokeGrantHandler {
  constructor(
    private readonly store: GrantStore,
    private readonly registry: RegistryClient,
  ) {}

  async execute(caller: GrantCaller, grantId: string): Promise<void> {
    const grant = UUID.test(grantId) ? await this.store.findById(grantId) : null;
    if (!grant || !(await this.allowed(caller, grant))) {
      throw new GrantsError(GrantsErrorCode.NOT_FOUND, `no grant ${grantId}`);
    }
    await this.store.revoke(grant);
  }

  private async allowed(caller: GrantCaller, grant: GrantEntity): Promise<boolean> {
    if (!isRole(grant.role)) return false;
    const facts = { accountId: grant.accountId, role: grant.role, partyId: grant.partyId };
    if (mayRevoke(caller, facts, false)) return true;
    // Only a society admin can gain by membership: ask the registry then, not before.
    if (caller.role !== Role.SOCIETY_ADMIN || grant.role !== Role.RIGHT_HOLDER) return false;
    const member = grant.partyId
      ? await this.registry.memberOf(grant.partyId, caller.party ?? '')
      : false;
    return mayRevoke(caller, facts, member);
  }
}
