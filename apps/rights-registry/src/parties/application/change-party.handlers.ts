import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, Not, type EntityManager } from 'typeorm';
import { RightsRegistryConfig } from '#libs/config';
import type { Caller } from '#libs/auth';
import { PartyKind, PartyMembershipChanged, PartyUpdated } from '#libs/contracts';
import { Outbox } from '#libs/messaging';
import {
  decideMembershipChange,
  duplicateIpi,
  mayManageMembership,
  mayUpdateParty,
  validateRegistration,
} from '../domain/party.js';
import { PartyError, PartyErrorCode } from '../domain/party.errors.js';
import {
  MembershipEntity,
  MembershipOfferEntity,
  MembershipOfferStatus,
  PartyEntity,
} from '../infrastructure/party.entities.js';
import { PartyQueries } from './party.queries.js';
import { today, type PartyView } from './party-view.js';

export interface ChangeMembership {
  partyId: string;
  societyId: string;
  /** YYYY-MM-DD; the period starting that day is created or changed. */
  memberFrom: string;
  /** YYYY-MM-DD (exclusive), or null while the membership lasts. */
  memberTo: string | null;
}

/**
 * Records a membership period of a right holder in a society (membership-changed), or, when a
 * society's admin would start one, offers it to the holder, who accepts or declines
 * (domain/party `decideMembershipChange`).
 */
@Injectable()
export class ChangeMembershipHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly parties: PartyQueries,
    private readonly config: RightsRegistryConfig,
  ) {}

  async execute(
    caller: Caller,
    input: ChangeMembership,
    correlationId: string,
  ): Promise<PartyView> {
    if (!mayManageMembership(caller, input.societyId)) {
      throw new PartyError(
        PartyErrorCode.NOT_ALLOWED,
        `party ${caller.partyId} may not manage memberships of society ${input.societyId}`,
      );
    }
    await this.dataSource.transaction(async (manager) => {
      const party = await manager.findOne(PartyEntity, {
        where: { id: input.partyId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!party)
        throw new PartyError(PartyErrorCode.PARTY_NOT_FOUND, `party ${input.partyId} not found`);
      if (party.kind !== PartyKind.RIGHT_HOLDER) {
        throw new PartyError(
          PartyErrorCode.INVALID_PARTY,
          'only right holders are members of a society',
        );
      }
      const society = await manager.findOneBy(PartyEntity, { id: input.societyId });
      if (society?.kind !== PartyKind.SOCIETY) {
        throw new PartyError(PartyErrorCode.INVALID_PARTY, `${input.societyId} is not a society`);
      }
      const existing = await manager.findBy(MembershipEntity, { partyId: input.partyId });
      const decision = decideMembershipChange(
        caller,
        existing,
        input,
        today(),
        this.config.MEMBERSHIP_BACKDATE_DAYS,
      );
      if (decision.kind === 'offer') await offerMembership(manager, caller, input);
      if (decision.kind === 'record')
        await recordMembership(manager, this.outbox, existing, input, correlationId);
    });
    return (await this.parties.byId(input.partyId))!;
  }
}

/** The holder's pending offer from that society, made or changed to these dates. */
async function offerMembership(
  manager: EntityManager,
  caller: Caller,
  input: ChangeMembership,
): Promise<void> {
  const pending = await manager.findOneBy(MembershipOfferEntity, {
    partyId: input.partyId,
    societyId: input.societyId,
    status: MembershipOfferStatus.PENDING,
  });
  if (pending) {
    await manager.update(MembershipOfferEntity, pending.id, {
      memberFrom: input.memberFrom,
      memberTo: input.memberTo,
      offeredBy: caller.partyId,
    });
  } else {
    await manager.insert(MembershipOfferEntity, {
      id: randomUUID(),
      ...input,
      status: MembershipOfferStatus.PENDING,
      offeredBy: caller.partyId,
      decidedAt: null,
    });
  }
}

/** Creates or changes the period starting on `memberFrom`, with its membership-changed event. */
export async function recordMembership(
  manager: EntityManager,
  outbox: Outbox,
  existing: readonly MembershipEntity[],
  input: ChangeMembership,
  correlationId: string,
): Promise<void> {
  const same = existing.find(
    (m) => m.societyId === input.societyId && m.memberFrom === input.memberFrom,
  );
  if (same) await manager.update(MembershipEntity, same.id, { memberTo: input.memberTo });
  else await manager.insert(MembershipEntity, { id: randomUUID(), ...input });
  await outbox.add(manager, [
    {
      definition: PartyMembershipChanged,
      aggregateId: input.partyId,
      correlationId,
      payload: {
        partyId: input.partyId,
        societyId: input.societyId,
        memberFrom: input.memberFrom,
        memberTo: input.memberTo,
      },
    },
  ]);
}

export interface UpdateParty {
  partyId: string;
  name?: string;
  ipiNameNumber?: string | null;
  country?: string | null;
}

/** Changes a party's name, IPI name number or country (party.updated). */
@Injectable()
export class UpdatePartyHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly parties: PartyQueries,
  ) {}

  async execute(caller: Caller, input: UpdateParty, correlationId: string): Promise<PartyView> {
    const current = await this.parties.byId(input.partyId);
    if (!current)
      throw new PartyError(PartyErrorCode.PARTY_NOT_FOUND, `party ${input.partyId} not found`);
    if (!mayUpdateParty(caller, current)) {
      throw new PartyError(
        PartyErrorCode.NOT_ALLOWED,
        `party ${caller.partyId} may not update party ${input.partyId}`,
      );
    }
    const next = validateRegistration({
      kind: current.kind,
      name: input.name ?? current.name,
      ipiNameNumber:
        input.ipiNameNumber === undefined ? current.ipiNameNumber : input.ipiNameNumber,
      country: input.country === undefined ? current.country : input.country,
    });
    await this.dataSource.transaction(async (manager) => {
      if (next.ipiNameNumber) {
        const holder = await manager.findOneBy(PartyEntity, {
          ipiNameNumber: next.ipiNameNumber,
          id: Not(input.partyId),
        });
        if (holder) {
          throw new PartyError(PartyErrorCode.DUPLICATE_IPI, duplicateIpi(next.ipiNameNumber));
        }
      }
      await manager.update(PartyEntity, input.partyId, {
        name: next.name,
        ipiNameNumber: next.ipiNameNumber,
        country: next.country,
      });
      await this.outbox.add(manager, [
        {
          definition: PartyUpdated,
          aggregateId: input.partyId,
          correlationId,
          payload: {
            partyId: input.partyId,
            name: next.name,
            ipiNameNumber: next.ipiNameNumber,
            country: next.country,
          },
        },
      ]);
    });
    return (await this.parties.byId(input.partyId))!;
  }
}
