import type { DataSource, EntityManager } from 'typeorm';
import {
  holdersOverTime,
  type HoldersAt,
  type IdentifierScheme,
  type PartyKind,
  type RightType,
  type WorkCategory,
} from '#libs/contracts';
import { quoteIdent } from '#libs/database';
import {
  matchTitles,
  type InTransaction,
  type MatchKeyTable,
  type TitleMatchResult,
  type TitleQuery,
} from '#libs/matching';
import { registryViewMatchKeys } from './tables.js';

export interface ViewShare {
  holderId: string;
  rightType: RightType;
  shareBps: number;
}

export interface ViewShareVersion {
  effectiveFrom: Date;
  shares: ViewShare[];
}

export interface ViewWork {
  id: string;
  title: string;
  category: WorkCategory;
  creatorNames: string[];
  /** Share versions, oldest first. */
  versions: ViewShareVersion[];
  holdersAt: HoldersAt;
  /** Open disputes hold the work's money in reserve. */
  disputed: boolean;
}

export interface ViewParty {
  kind: PartyKind;
  name: string;
}

/** Reads of the registry view kept in `schema` by `registryViewHandlers`. */
export class RegistryViewReader {
  private readonly s: string;
  private readonly matchKeys: MatchKeyTable;

  constructor(
    private readonly dataSource: DataSource,
    schema: string,
  ) {
    this.s = quoteIdent(schema);
    this.matchKeys = registryViewMatchKeys(schema);
  }

  /**
   * The one matcher over the view's titles (services kept with `titleSearch`): for each
   * query its keys, scored candidates and decision. In `manager`'s transaction when it has one.
   */
  matchTitles(
    queries: readonly TitleQuery[],
    manager?: EntityManager,
  ): Promise<TitleMatchResult[]> {
    const inTransaction: InTransaction = (work) =>
      manager?.queryRunner?.isTransactionActive
        ? work(manager)
        : this.dataSource.transaction((tx) => work(tx));
    return matchTitles(this.matchKeys, inTransaction, queries);
  }

  async works(ids: readonly string[], manager?: EntityManager): Promise<Map<string, ViewWork>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const db = manager ?? this.dataSource.manager;
    const works = await db.query<
      { id: string; title: string; category: WorkCategory; creator_names: string[] }[]
    >(
      `SELECT "id", "title", "category", "creator_names" FROM ${this.s}."rv_works"
       WHERE "id" = ANY($1::uuid[])`,
      [unique],
    );
    const versions = await db.query<
      { work_id: string; effective_from: Date; shares: ViewShare[] }[]
    >(
      `SELECT v."work_id", v."effective_from",
              coalesce(jsonb_agg(jsonb_build_object('holderId', s."holder_id",
                'rightType', s."right_type", 'shareBps', s."share_bps")
                ORDER BY s."holder_id", s."right_type") FILTER (WHERE s."holder_id" IS NOT NULL),
                '[]') AS shares
       FROM ${this.s}."rv_share_versions" v
       LEFT JOIN ${this.s}."rv_shares" s
         ON s."work_id" = v."work_id" AND s."effective_from" = v."effective_from"
       WHERE v."work_id" = ANY($1::uuid[])
       GROUP BY v."work_id", v."effective_from"
       ORDER BY v."work_id", v."effective_from"`,
      [unique],
    );
    const disputed = await db.query<{ work_id: string }[]>(
      `SELECT DISTINCT "work_id" FROM ${this.s}."rv_disputes"
       WHERE "work_id" = ANY($1::uuid[]) AND "resolved_at" IS NULL`,
      [unique],
    );
    const disputedIds = new Set(disputed.map((row) => row.work_id));
    const versionsOf = new Map<string, ViewShareVersion[]>();
    for (const row of versions) {
      const list = versionsOf.get(row.work_id) ?? [];
      list.push({ effectiveFrom: new Date(row.effective_from), shares: row.shares });
      versionsOf.set(row.work_id, list);
    }
    return new Map(
      works.map((work) => {
        const workVersions = versionsOf.get(work.id) ?? [];
        return [
          work.id,
          {
            id: work.id,
            title: work.title,
            category: work.category,
            creatorNames: work.creator_names,
            versions: workVersions,
            holdersAt: holdersOverTime(
              workVersions.map((version) => ({
                effectiveFrom: version.effectiveFrom,
                holderIds: version.shares.map((share) => share.holderId),
              })),
            ),
            disputed: disputedIds.has(work.id),
          },
        ];
      }),
    );
  }

  async work(id: string, manager?: EntityManager): Promise<ViewWork | undefined> {
    return (await this.works([id], manager)).get(id);
  }

  /** Work ids by stored identifier, keyed `SCHEME:value`. */
  async byIdentifiers(
    identifiers: readonly { scheme: IdentifierScheme; value: string }[],
    manager?: EntityManager,
  ): Promise<Map<string, string>> {
    if (identifiers.length === 0) return new Map();
    const rows = await (manager ?? this.dataSource.manager).query<
      { scheme: string; value: string; work_id: string }[]
    >(
      `SELECT i."scheme", i."value", i."work_id" FROM ${this.s}."rv_work_identifiers" i
       JOIN unnest($1::text[], $2::text[]) AS q(scheme, value)
         ON q.scheme = i."scheme" AND q.value = i."value"`,
      [identifiers.map((i) => i.scheme), identifiers.map((i) => i.value)],
    );
    return new Map(rows.map((row) => [`${row.scheme}:${row.value}`, row.work_id]));
  }

  async partyKind(id: string, manager?: EntityManager): Promise<PartyKind | undefined> {
    return (await this.party(id, manager))?.kind;
  }

  /** A party's kind and name, or undefined when the registry has none with that id. */
  async party(id: string, manager?: EntityManager): Promise<ViewParty | undefined> {
    const [party] = await (manager ?? this.dataSource.manager).query<ViewParty[]>(
      `SELECT "kind", "name" FROM ${this.s}."rv_parties" WHERE "id" = $1`,
      [id],
    );
    return party;
  }

  /** A work's title alone (no shares), or undefined when the registry has no such work. */
  async workTitle(id: string, manager?: EntityManager): Promise<string | undefined> {
    const [work] = await (manager ?? this.dataSource.manager).query<{ title: string }[]>(
      `SELECT "title" FROM ${this.s}."rv_works" WHERE "id" = $1`,
      [id],
    );
    return work?.title;
  }

  /** Societies `partyId` is a member of on the day of `at` (UTC). */
  async societiesOf(partyId: string, at: Date, manager?: EntityManager): Promise<string[]> {
    const rows = await (manager ?? this.dataSource.manager).query<{ society_id: string }[]>(
      `SELECT "society_id" FROM ${this.s}."rv_memberships"
       WHERE "party_id" = $1 AND "member_from" <= $2::date
         AND ("member_to" IS NULL OR $2::date < "member_to")`,
      [partyId, at.toISOString().slice(0, 10)],
    );
    return rows.map((row) => row.society_id);
  }
}
