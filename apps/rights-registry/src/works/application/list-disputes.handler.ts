import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { Caller } from '#libs/auth';
import { PartyQueries } from '../../parties/application/party.queries.js';
import { disputeVisibility } from '../domain/dispute-visibility.js';
import { holdsShareNow } from '../infrastructure/current-holders.js';
import { DisputeEntity, type DisputeStatus } from '../infrastructure/work.entities.js';
import { disputeViewOf, type DisputeView } from './work-view.js';

export interface DisputesFilter {
  workId?: string;
  status?: DisputeStatus;
  /** Disputes that involve this party (see domain/dispute-visibility). */
  holderId?: string;
}

export interface DisputesPage {
  /** `first + 1` disputes at most, newest first, to tell whether more follow. */
  disputes: DisputeView[];
  totalCount: number;
}

/** A condition on dispute `d`: it involves one of the parties `$n` (uuid[]). */
function involving(n: number): string {
  return `(d."claimant_id" = ANY($${n}::uuid[])
      OR d."opened_by" = ANY($${n}::uuid[])
      OR EXISTS (SELECT 1 FROM jsonb_array_elements(d."claimed_shares") c
                  WHERE (c->>'holderId')::uuid = ANY($${n}::uuid[]))
      OR ${holdsShareNow('d."work_id"', `s."holder_id" = ANY($${n}::uuid[])`)})`;
}

/**
 * The disputes a caller may see (domain/dispute-visibility), narrowed by the filter, newest
 * first, after the dispute `after`; with how many there are in all.
 */
@Injectable()
export class ListDisputesHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly parties: PartyQueries,
  ) {}

  async execute(
    caller: Caller,
    filter: DisputesFilter,
    first: number,
    after?: string,
  ): Promise<DisputesPage> {
    const visibility = disputeVisibility(caller);
    if (visibility.kind === 'none') return { disputes: [], totalCount: 0 };
    const conditions: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown): number => params.push(value);
    if (filter.workId) conditions.push(`d."work_id" = $${param(filter.workId)}`);
    if (filter.status) conditions.push(`d."status" = $${param(filter.status)}`);
    if (filter.holderId) conditions.push(involving(param([filter.holderId])));
    if (visibility.kind === 'involving') {
      const visible = visibility.withMembers
        ? [visibility.partyId, ...(await this.parties.membersToday(visibility.partyId))]
        : [visibility.partyId];
      conditions.push(involving(param(visible)));
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const [row] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM "rights_registry"."disputes" d ${where}`,
      params,
    );
    const pageConditions = [...conditions];
    if (after) {
      pageConditions.push(
        `(d."opened_at", d."id") < (SELECT a."opened_at", a."id" FROM "rights_registry"."disputes" a WHERE a."id" = $${param(after)})`,
      );
    }
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT d."id" FROM "rights_registry"."disputes" d
        ${pageConditions.length ? `WHERE ${pageConditions.join(' AND ')}` : ''}
        ORDER BY d."opened_at" DESC, d."id" DESC
        LIMIT $${param(first + 1)}`,
      params,
    );
    const ids = rows.map((row) => row.id);
    const entities = ids.length
      ? await this.dataSource.manager.findBy(DisputeEntity, { id: In(ids) })
      : [];
    const byId = new Map(entities.map((entity) => [entity.id, disputeViewOf(entity)]));
    return { disputes: ids.map((id) => byId.get(id)!), totalCount: row?.count ?? 0 };
  }
}
