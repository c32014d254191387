import { Injectable } from '@nestjs/common';
import { Role } from '#libs/contracts';
import { grantProblem, GrantsError, GrantsErrorCode } from '../domain/grant-rules.js';
import type { GrantEntity } from '../infrastructure/grant.entity.js';
import { GrantStore } from '../infrastructure/grant.store.js';
import { RegistryClient } from '../infrastructure/registry.client.js';
import type { Person } from '../http/person.authenticator.js';

/** What a person registers as a right holder. */
export interface RightHolderInput {
  name: string;
  country: string;
  ipiNameNumber?: string;
}

/** Who gave a self-service grant (the person, for themselves). */
export const SELF_SERVICE = 'self-service';

/**
 * The amateur creator's path, no society needed: registers the person as a RIGHT_HOLDER party
 * in the rights registry and gives their account the RIGHT_HOLDER grant on it. One party per
 * account: the registry's idempotency key is the account's, so asking again (also after a crash
 * between the two steps) answers the same party and grant, never a second party. Once that
 * grant was taken back (by the operator, a society admin or the holder: the grant does not say
 * which), self-service refuses for good; an invitation is the way back.
 */
@Injectable()
export class RegisterRightHolderHandler {
  constructor(
    private readonly store: GrantStore,
    private readonly registry: RegistryClient,
  ) {}

  async execute(person: Person, body: unknown): Promise<GrantEntity> {
    const input = rightHolderInput(body);
    if (!person.emailVerified) {
      throw new GrantsError(
        GrantsErrorCode.FORBIDDEN,
        'verify your e-mail address first (the link in the sign-up mail)',
      );
    }
    const selfService = (await this.store.history(person.accountId)).filter(
      (grant) => grant.role === String(Role.RIGHT_HOLDER) && grant.grantedBy === SELF_SERVICE,
    );
    const given = selfService.find((grant) => grant.revokedAt === null);
    if (given) return given;
    if (selfService.length > 0) {
      throw new GrantsError(
        GrantsErrorCode.CONFLICT,
        'your right holder registration was taken back, and self-service does not give it again: ask the operator or your society to invite you',
      );
    }
    const party = await this.registry.registerRightHolder(
      input,
      `self-service-right-holder:${person.accountId}`,
    );
    const problem = grantProblem(Role.RIGHT_HOLDER, party);
    if (problem) throw new GrantsError(GrantsErrorCode.CONFLICT, problem);
    return this.store.give({
      accountId: person.accountId,
      role: Role.RIGHT_HOLDER,
      party,
      grantedBy: SELF_SERVICE,
    });
  }
}

/** The body as a right holder's details, or a sentence saying what is wrong. */
function rightHolderInput(body: unknown): RightHolderInput {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const { name, country, ipiNameNumber } = fields;
  if (typeof name !== 'string' || name.trim().length === 0 || name.length > 500) {
    throw new GrantsError(
      GrantsErrorCode.INVALID_REQUEST,
      'name must be a text of 1 to 500 characters',
    );
  }
  if (typeof country !== 'string' || !/^[A-Z]{2}$/.test(country)) {
    throw new GrantsError(
      GrantsErrorCode.INVALID_REQUEST,
      'country must be an ISO 3166-1 alpha-2 code such as JP',
    );
  }
  if (ipiNameNumber !== undefined && ipiNameNumber !== null && typeof ipiNameNumber !== 'string') {
    throw new GrantsError(GrantsErrorCode.INVALID_REQUEST, 'ipiNameNumber must be a text');
  }
  return {
    name: name.trim(),
    country,
    ...(typeof ipiNameNumber === 'string' && ipiNameNumber ? { ipiNameNumber } : {}),
  };
}
