import type { ActingGrants as ActingGrantsPort } from '../../oidc/infrastructure/provider-configuration.js';
import {
  actingGrant,
  grantClaims,
  GrantsError,
  GrantsErrorCode,
  isRole,
} from '../domain/grant-rules.js';
import type { GrantEntity } from '../infrastructure/grant.entity.js';
import type { GrantStore } from '../infrastructure/grant.store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The grant a person acts as: read for every access token (its `role` and `party`), chosen on
 * the "act as" page after sign-in or by token exchange. Only a grant the person holds and that
 * was not taken back is ever acted as.
 */
export class ActingGrants implements ActingGrantsPort {
  constructor(private readonly store: GrantStore) {}

  /** The person's grants not taken back, oldest first. */
  held(accountId: string): Promise<GrantEntity[]> {
    return UUID.test(accountId) ? this.store.active(accountId) : Promise.resolve([]);
  }

  async claims(
    accountId: string,
    oidcGrantId: string | undefined,
    chosenGrantId?: string,
  ): Promise<{ role: string; party?: string } | undefined> {
    const held = (await this.held(accountId)).filter((grant) => isRole(grant.role));
    const chosen =
      chosenGrantId ?? (oidcGrantId ? await this.store.chosen(oidcGrantId, accountId) : undefined);
    const grant = actingGrant(held, chosen);
    return grant && isRole(grant.role)
      ? grantClaims({ role: grant.role, partyId: grant.partyId })
      : undefined;
  }

  async choose(accountId: string, oidcGrantId: string, grantId: string): Promise<void> {
    const held = await this.held(accountId);
    if (!held.some(({ id }) => id === grantId)) {
      throw new GrantsError(
        GrantsErrorCode.NOT_FOUND,
        `you hold no grant ${grantId} (or it was taken back)`,
      );
    }
    await this.store.choose(oidcGrantId, accountId, grantId);
  }
}
