import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '#libs/auth';
import { oncePerKey } from '#libs/database';
import { PartyKind, PartyMembershipChanged, PartyRegistered, type NewEvent } from '#libs/contracts';
import { Outbox } from '#libs/messaging';
import {
  duplicateIpi,
  mayRegister,
  validateRegistration,
  type PartyRegistration,
} from '../domain/party.js';
import { PartyError, PartyErrorCode } from '../domain/party.errors.js';
import { MembershipEntity, PartyEntity } from '../infrastructure/party.entities.js';
import { PartyQueries } from './party.queries.js';
import { today, type PartyView } from './party-view.js';

/** Registers a right holder, platform or society; a member joins its society from today. */
@Injectable()
export class RegisterPartyHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly parties: PartyQueries,
  ) {}

  async execute(
    caller: Caller,
    input: PartyRegistration,
    correlationId: string,
    idempotencyKey?: string,
  ): Promise<PartyView> {
    if (!mayRegister(caller, input)) {
      throw new PartyError(
        PartyErrorCode.NOT_ALLOWED,
        'a society admin registers right holders who join its own society',
      );
    }
    const party = validateRegistration(input);
    const id = await this.dataSource.transaction((manager) =>
      oncePerKey(
        manager,
        'rights_registry',
        { callerId: caller.partyId, key: idempotencyKey, operation: 'registerParty', body: input },
        () => this.create(manager, party, correlationId),
        (message) => new PartyError(PartyErrorCode.KEY_REUSED, message),
      ),
    );
    return (await this.parties.byId(id))!;
  }

  private async create(
    manager: EntityManager,
    party: Required<PartyRegistration>,
    correlationId: string,
  ): Promise<string> {
    const id = randomUUID();
    if (party.memberOfSocietyId) {
      const society = await manager.findOneBy(PartyEntity, { id: party.memberOfSocietyId });
      if (society?.kind !== PartyKind.SOCIETY) {
        throw new PartyError(
          PartyErrorCode.INVALID_PARTY,
          `memberOfSocietyId ${party.memberOfSocietyId} is not a society`,
        );
      }
    }
    if (party.ipiNameNumber) {
      const existing = await manager.findOneBy(PartyEntity, {
        ipiNameNumber: party.ipiNameNumber,
      });
      if (existing) {
        throw new PartyError(PartyErrorCode.DUPLICATE_IPI, duplicateIpi(party.ipiNameNumber));
      }
    }
    await manager.insert(PartyEntity, {
      id,
      kind: party.kind,
      name: party.name,
      ipiNameNumber: party.ipiNameNumber,
      country: party.country,
    });
    const events: NewEvent[] = [
      {
        definition: PartyRegistered,
        aggregateId: id,
        correlationId,
        payload: {
          partyId: id,
          kind: party.kind,
          name: party.name,
          ipiNameNumber: party.ipiNameNumber,
          country: party.country,
          memberOfSocietyId: party.memberOfSocietyId,
        },
      },
    ];
    if (party.memberOfSocietyId) {
      const memberFrom = today();
      await manager.insert(MembershipEntity, {
        id: randomUUID(),
        partyId: id,
        societyId: party.memberOfSocietyId,
        memberFrom,
        memberTo: null,
      });
      events.push({
        definition: PartyMembershipChanged,
        aggregateId: id,
        correlationId,
        payload: { partyId: id, societyId: party.memberOfSocietyId, memberFrom, memberTo: null },
      });
    }
    await this.outbox.add(manager, events);
    return id;
  }
}
