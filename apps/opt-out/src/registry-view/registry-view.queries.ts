import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  holdersOverTime,
  type HoldersAt,
  type PartyKind,
  type WorkCategory,
} from '#libs/contracts';

export interface WorkFacts {
  id: string;
  title: string;
  category: WorkCategory;
  holdersAt: HoldersAt;
}

/** Reads of the registry view (works, share holders over time, parties, memberships). */
@Injectable()
export class RegistryView {
  constructor(private readonly dataSource: DataSource) {}

  async works(ids: readonly string[], manager?: EntityManager): Promise<Map<string, WorkFacts>> {
    const db = manager ?? this.dataSource.manager;
    if (ids.length === 0) return new Map();
    const works = await db.query<{ id: string; title: string; category: WorkCategory }[]>(
      `SELECT id, title, category FROM opt_out.works WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    const versions = await db.query<
      { work_id: string; effective_from: Date; holder_ids: string[] }[]
    >(
      `SELECT v.work_id, v.effective_from,
              coalesce(array_agg(h.holder_id) FILTER (WHERE h.holder_id IS NOT NULL), '{}') AS holder_ids
       FROM opt_out.share_versions v
       LEFT JOIN opt_out.share_holders h
         ON h.work_id = v.work_id AND h.effective_from = v.effective_from
       WHERE v.work_id = ANY($1::uuid[])
       GROUP BY v.work_id, v.effective_from`,
      [[...new Set(ids)]],
    );
    return new Map(
      works.map((work) => [
        work.id,
        {
          ...work,
          holdersAt: holdersOverTime(
            versions
              .filter((version) => version.work_id === work.id)
              .map((version) => ({
                effectiveFrom: version.effective_from,
                holderIds: version.holder_ids,
              })),
          ),
        },
      ]),
    );
  }

  async work(id: string, manager?: EntityManager): Promise<WorkFacts | undefined> {
    return (await this.works([id], manager)).get(id);
  }

  async partyKind(id: string, manager?: EntityManager): Promise<PartyKind | undefined> {
    const [party] = await (manager ?? this.dataSource.manager).query<{ kind: PartyKind }[]>(
      `SELECT kind FROM opt_out.parties WHERE id = $1`,
      [id],
    );
    return party?.kind;
  }

  /** Societies `partyId` is a member of on the day of `at` (UTC). */
  async societiesOf(partyId: string, at: Date, manager?: EntityManager): Promise<string[]> {
    const rows = await (manager ?? this.dataSource.manager).query<{ society_id: string }[]>(
      `SELECT society_id FROM opt_out.memberships
       WHERE party_id = $1 AND member_from <= $2::date AND (member_to IS NULL OR $2::date < member_to)`,
      [partyId, at.toISOString().slice(0, 10)],
    );
    return rows.map((row) => row.society_id);
  }
}
