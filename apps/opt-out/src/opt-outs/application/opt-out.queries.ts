import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import {
  PartyKind,
  type UseType,
  type WorkCategory,
  concernsWork,
  optOutsInForce,
  isUuid,
} from '#libs/contracts';
import { RegistryViewReader } from '#libs/registry-view';
import { OptOutEntity } from '../infrastructure/opt-out.entity.js';

export interface OptOutStatus {
  workId: string;
  useType: UseType | null;
  at: Date;
  optedOut: boolean;
  /** The opt-outs that take the work out at that time. */
  optOuts: OptOutEntity[];
}

/** A line of the public opt-out register: no holder, no personal data. */
export interface RegisterEntry {
  workId: string;
  title: string;
  category: WorkCategory;
  /** Use types the work is opted out of; empty: all of them. */
  useTypes: UseType[];
  /** When the earliest of its opt-outs takes (or took) effect. */
  since: Date;
}

export interface RegisterFilter {
  category?: WorkCategory;
  /** Part of the title, compared in NFKC form (full-width and half-width alike) and any letter case. */
  query?: string;
}

/**
 * The register's rows: opt-outs not withdrawn (in force or scheduled) of the holders with a
 * share in a work now that concern it; $1 the category, $2 part of the title (or null).
 */
const REGISTER_FROM = `FROM opt_out.opt_outs o
       JOIN (SELECT DISTINCT work_id, effective_from, holder_id FROM opt_out.rv_shares) h
         ON h.holder_id = o.holder_id
       JOIN opt_out.rv_works w ON w.id = h.work_id
       WHERE (o.withdrawn_at IS NULL OR o.withdrawn_at > now())
         AND (o.scope = 'ALL_WORKS' OR o.work_id = h.work_id)
         AND h.effective_from <= now()
         AND NOT EXISTS (
           SELECT 1 FROM opt_out.rv_share_versions later
           WHERE later.work_id = h.work_id AND later.effective_from > h.effective_from
             AND later.effective_from <= now())
         AND ($1::text IS NULL OR w.category = $1::text)
         AND ($2::text IS NULL OR strpos(lower(normalize(w.title, NFKC)), lower($2::text)) > 0)`;

@Injectable()
export class OptOutQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: RegistryViewReader,
  ) {}

  /** An opt-out by id; null for an id that is not a UUID. */
  async byId(id: string): Promise<OptOutEntity | null> {
    return isUuid(id) ? this.dataSource.manager.findOneBy(OptOutEntity, { id }) : null;
  }

  /** Whether the registry knows `holderId` as a right holder. */
  async isHolder(holderId: string): Promise<boolean> {
    return isUuid(holderId) && (await this.registry.partyKind(holderId)) === PartyKind.RIGHT_HOLDER;
  }

  /** One holder's opt-outs, withdrawn ones included, newest first. */
  ofHolder(holderId: string): Promise<OptOutEntity[]> {
    return this.dataSource.manager.find(OptOutEntity, {
      where: { holderId },
      order: { registeredAt: 'DESC', id: 'DESC' },
    });
  }

  /** Whether a work is out of the scheme for a use type (any, when null) at `at`. */
  async status(workId: string, useType: UseType | null, at: Date): Promise<OptOutStatus | null> {
    const work = await this.registry.work(workId);
    if (!work) return null;
    const candidates = await this.ofHolders([...work.holdersAt(at)]);
    const inForce = optOutsInForce(workId, work.holdersAt, candidates, at, useType ?? undefined);
    return {
      workId,
      useType,
      at,
      optedOut: inForce.length > 0,
      optOuts: inForce as OptOutEntity[],
    };
  }

  /**
   * Per work: the opt-outs, not withdrawn, of its current holders that concern it (in force
   * now, or taking effect later).
   */
  async current(workIds: readonly string[]): Promise<Map<string, OptOutEntity[]>> {
    const now = new Date();
    const works = await this.registry.works(workIds);
    const holders = new Set([...works.values()].flatMap((work) => [...work.holdersAt(now)]));
    const optOuts = (await this.ofHolders([...holders])).filter(
      (optOut) => optOut.withdrawnAt === null || optOut.withdrawnAt > now,
    );
    return new Map(
      workIds.map((workId) => {
        const work = works.get(workId);
        const current = work ? work.holdersAt(now) : new Set<string>();
        return [workId, optOuts.filter((o) => current.has(o.holderId) && concernsWork(o, workId))];
      }),
    );
  }

  /**
   * The public register: works with an opt-out (in force or scheduled, not withdrawn) by a
   * holder with a share in them now, in work id order after `after`; `first + 1` rows.
   */
  async register(
    first: number,
    after: string | undefined,
    filter: RegisterFilter,
  ): Promise<RegisterEntry[]> {
    const rows = await this.dataSource.query<
      {
        work_id: string;
        title: string;
        category: WorkCategory;
        use_types: UseType[][];
        since: Date;
      }[]
    >(
      `SELECT w.id AS work_id, w.title, w.category, jsonb_agg(o.use_types) AS use_types,
              min(o.effective_from) AS since
       ${REGISTER_FROM}
         AND ($3::uuid IS NULL OR w.id > $3::uuid)
       GROUP BY w.id, w.title, w.category
       ORDER BY w.id
       LIMIT $4`,
      [filter.category ?? null, filter.query ?? null, after ?? null, first + 1],
    );
    return rows.map((row) => ({
      workId: row.work_id,
      title: row.title,
      category: row.category,
      useTypes: row.use_types.some((types) => types.length === 0)
        ? []
        : [...new Set(row.use_types.flat())].sort(),
      since: new Date(row.since),
    }));
  }

  /** How many works the public register lists for the filter. */
  async registerCount(filter: RegisterFilter): Promise<number> {
    const [row] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(DISTINCT w.id)::int AS count ${REGISTER_FROM}`,
      [filter.category ?? null, filter.query ?? null],
    );
    return row?.count ?? 0;
  }

  private ofHolders(holderIds: string[]): Promise<OptOutEntity[]> {
    if (holderIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.find(OptOutEntity, { where: { holderId: In(holderIds) } });
  }
}
