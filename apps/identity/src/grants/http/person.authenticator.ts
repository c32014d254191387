import { Injectable } from '@nestjs/common';
import { createLocalJWKSet, errors, jwtVerify } from 'jose';
import { operatorActorId } from '#libs/auth';
import { Role } from '#libs/contracts';
import { AccountStore } from '../../accounts/infrastructure/account.store.js';
import { IdentityConfig } from '../../identity.config.js';
import { OidcProviderHost } from '../../oidc/infrastructure/oidc-provider.host.js';
import { type GrantCaller, GrantsError, GrantsErrorCode, isRole } from '../domain/grant-rules.js';
import { GrantStore } from '../infrastructure/grant.store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A person calling, with whether their address is verified. */
export interface Person extends GrantCaller {
  emailVerified: boolean;
}

/**
 * Who calls the people's routes: a Bearer access token of this issuer for the API (RFC 9068,
 * verified with the provider's own published keys) whose subject is an account, with or without a role. The
 * role and party it acts as count only while the person still holds that grant.
 */
@Injectable()
export class PersonAuthenticator {
  constructor(
    private readonly config: IdentityConfig,
    private readonly accounts: AccountStore,
    private readonly grants: GrantStore,
    private readonly host: OidcProviderHost,
  ) {}

  async person(authorization: string | undefined): Promise<Person> {
    return this.personOf(await this.verified(authorization));
  }

  /**
   * A person, or the operator's machine: a client-credentials token of this issuer whose client
   * acts as OPERATOR (the CLI's `token`), so an installation's first operator can be invited
   * without one. The machine acts under a stable id made from its client id.
   */
  async personOrOperatorMachine(authorization: string | undefined): Promise<GrantCaller> {
    const payload = await this.verified(authorization);
    const sub = typeof payload.sub === 'string' ? payload.sub : '';
    if (payload.role === Role.OPERATOR && sub !== '' && payload.client_id === sub) {
      return { accountId: operatorActorId(this.config.issuer, sub), role: Role.OPERATOR };
    }
    return this.personOf(payload);
  }

  /** The claims of a valid access token of this issuer for the API (any subject). */
  async verified(authorization: string | undefined): Promise<Record<string, unknown>> {
    const [scheme, token] = (authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new GrantsError(
        GrantsErrorCode.UNAUTHENTICATED,
        "send a person's access token of this issuer as Authorization: Bearer <token>",
      );
    }
    let payload: Record<string, unknown>;
    try {
      // The provider's own key set, in-process: no request to the issuer's public address.
      const keys = createLocalJWKSet({ keys: this.host.publicKeys });
      ({ payload } = await jwtVerify(token, keys, {
        issuer: this.config.issuer,
        audience: this.config.IDENTITY_API_RESOURCE,
        typ: 'at+jwt',
        algorithms: ['ES256'],
      }));
    } catch (error) {
      if (error instanceof errors.JOSEError) {
        throw new GrantsError(
          GrantsErrorCode.UNAUTHENTICATED,
          'the access token is not valid here (expired, of another issuer or audience, or altered)',
        );
      }
      throw error;
    }
    return payload;
  }

  private async personOf(payload: Record<string, unknown>): Promise<Person> {
    const sub = typeof payload.sub === 'string' ? payload.sub : '';
    const account = UUID.test(sub) ? await this.accounts.findById(sub) : null;
    if (!account) {
      throw new GrantsError(
        GrantsErrorCode.UNAUTHENTICATED,
        "this route takes a person's access token (a signed-in account), not a machine's",
      );
    }
    const person: Person = { accountId: sub, emailVerified: account.emailVerifiedAt !== null };
    const role = payload.role;
    const party = typeof payload.party === 'string' ? payload.party : undefined;
    if (!isRole(role)) return person;
    const held = (await this.grants.active(sub)).some(
      (grant) => grant.role === String(role) && (grant.partyId ?? undefined) === party,
    );
    return held ? { ...person, role, ...(party ? { party } : {}) } : person;
  }
}
