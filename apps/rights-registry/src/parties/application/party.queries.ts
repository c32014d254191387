import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { isMemberOn, societiesSince } from '../domain/party.js';
import { PartyError, PartyErrorCode } from '../domain/party.errors.js';
import { MembershipEntity, PartyEntity } from '../infrastructure/party.entities.js';
import { today, type PartyView } from './party-view.js';

@Injectable()
export class PartyQueries {
  constructor(private readonly dataSource: DataSource) {}

  async byIds(
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, PartyView>> {
    if (ids.length === 0) return new Map();
    // One after the other: inside a transaction the manager has a single connection.
    const parties = await manager.findBy(PartyEntity, { id: In([...ids]) });
    const memberships = await manager.findBy(MembershipEntity, { partyId: In([...ids]) });
    const date = today();
    return new Map(
      parties.map((party) => {
        const own = memberships.filter((m) => m.partyId === party.id);
        const current = own.filter((m) => isMemberOn([m], date));
        return [
          party.id,
          {
            id: party.id,
            kind: party.kind,
            name: party.name,
            ipiNameNumber: party.ipiNameNumber,
            country: party.country,
            isMember: current.length > 0,
            societyIds: current.map((m) => m.societyId),
          },
        ];
      }),
    );
  }

  /**
   * Societies of which one of the parties is, was or will be a member on `date` (YYYY-MM-DD) or
   * later (domain/party `societiesSince`).
   */
  async societiesSince(
    ids: readonly string[],
    date: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const memberships = await manager.findBy(MembershipEntity, { partyId: In([...ids]) });
    return societiesSince(memberships, date);
  }

  /** The parties that are members of the society today. */
  async membersToday(societyId: string): Promise<string[]> {
    const memberships = await this.dataSource.manager.findBy(MembershipEntity, { societyId });
    const date = today();
    return [
      ...new Set(memberships.filter((m) => isMemberOn([m], date)).map((m) => m.partyId)),
    ].sort();
  }

  async byId(id: string): Promise<PartyView | null> {
    return (await this.byIds([id])).get(id) ?? null;
  }

  /** The party; refused as not found when there is none. */
  async get(id: string): Promise<PartyView> {
    const party = await this.byId(id);
    if (!party) throw new PartyError(PartyErrorCode.PARTY_NOT_FOUND, `party ${id} not found`);
    return party;
  }
}
