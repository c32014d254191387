import { gramsOf, titleKeysOf, type TitleKeys } from './keys.js';
import {
  decideMatch,
  MATCHING,
  scoreWork,
  type MatchDecision,
  type ScoredWork,
  type WorkKeys,
} from './score.js';

/** What the matcher needs of a database connection (a TypeORM EntityManager or a pg client). */
export interface Database {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** Runs `work` in a transaction (pg_trgm's threshold is set for the transaction only). */
export type InTransaction = <T>(work: (db: Database) => Promise<T>) => Promise<T>;

const GRAM_SEPARATOR = '\u001f';

/** The rows of a query's result: an EntityManager answers rows, a pg client a result holding them. */
const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;

const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

/**
 * The keys of registered works' titles and creators, in one table per service (the registry's
 * own, the registry view of authorization and royalty-distribution), written and read only
 * here so that every service matches the same way.
 */
export class MatchKeyTable {
  private readonly table: string;

  constructor(schema: string, table: string) {
    this.table = `${quote(schema)}.${quote(table)}`;
  }

  /** The table and its indexes (pg_trgm must exist in schema public). */
  async create(db: Database, indexPrefix: string): Promise<void> {
    await db.query(`
      CREATE TABLE ${this.table} (
        "work_id" uuid NOT NULL,
        "kind" text NOT NULL CHECK ("kind" IN ('TITLE', 'CREATOR')),
        "position" integer NOT NULL,
        "category" text NOT NULL,
        "text" text NOT NULL,
        "normalized" text NOT NULL,
        "compact" text NOT NULL,
        "reading" text NOT NULL,
        "kanji" text NOT NULL,
        "numbers" text NOT NULL,
        "grams" text[] NOT NULL,
        PRIMARY KEY ("work_id", "kind", "position")
      )`);
    const titles = `WHERE "kind" = 'TITLE'`;
    await db.query(`CREATE INDEX ${quote(`${indexPrefix}_normalized`)} ON ${this.table}
      USING gin ("normalized" public.gin_trgm_ops) ${titles}`);
    await db.query(`CREATE INDEX ${quote(`${indexPrefix}_reading_trgm`)} ON ${this.table}
      USING gin ("reading" public.gin_trgm_ops) ${titles}`);
    await db.query(
      `CREATE INDEX ${quote(`${indexPrefix}_compact`)} ON ${this.table} ("compact") ${titles}`,
    );
    await db.query(
      `CREATE INDEX ${quote(`${indexPrefix}_reading`)} ON ${this.table} ("reading") ${titles}`,
    );
    await db.query(
      `CREATE INDEX ${quote(`${indexPrefix}_grams`)} ON ${this.table} USING gin ("grams") ${titles}`,
    );
  }

  async drop(db: Database): Promise<void> {
    await db.query(`DROP TABLE ${this.table}`);
  }

  /** Stores the keys of each work's titles (main title first) and creators, replacing earlier ones. */
  async replace(
    db: Database,
    works: readonly {
      workId: string;
      category: string;
      titles: readonly string[];
      creators: readonly string[];
    }[],
  ): Promise<void> {
    if (works.length === 0) return;
    const rows = works.flatMap((work) => [
      ...work.titles.map((text, position) => ({ work, kind: 'TITLE', position, text })),
      ...work.creators.map((text, position) => ({ work, kind: 'CREATOR', position, text })),
    ]);
    const keys = await titleKeysOf(rows.map((row) => row.text));
    // Writers of this table's keys take turns (a projection and a re-match may both write a
    // work's keys). One lock per table, not one per work: a consumer writes the keys of several
    // works over several statements of one transaction, and per-work locks taken in event order
    // by two such consumers deadlocked each other.
    await db.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`match-keys:${this.table}`]);
    await db.query(`DELETE FROM ${this.table} WHERE "work_id" = ANY($1::uuid[])`, [
      works.map((work) => work.workId),
    ]);
    await db.query(
      `INSERT INTO ${this.table} ("work_id", "kind", "position", "category", "text", "normalized",
         "compact", "reading", "kanji", "numbers", "grams")
       SELECT r.work_id, r.kind, r.position, r.category, r.text, r.normalized, r.compact,
              r.reading, r.kanji, r.numbers, string_to_array(r.grams, $2)
       FROM jsonb_to_recordset($1::jsonb) AS r(work_id uuid, kind text, position int, category text,
         text text, normalized text, compact text, reading text, kanji text, numbers text, grams text)
       ON CONFLICT DO NOTHING`,
      [
        JSON.stringify(
          rows.map((row, index) => ({
            work_id: row.work.workId,
            kind: row.kind,
            position: row.position,
            category: row.work.category,
            text: row.text,
            ...keys[index]!,
            grams: gramsOf(keys[index]!.compact).join(GRAM_SEPARATOR),
          })),
        ),
        GRAM_SEPARATOR,
      ],
    );
  }

  /**
   * Candidate works for each query: titles that pg_trgm finds similar (normalized or
   * reading), equal in compact form or reading, or containing the query's characters. A
   * superset of the works `scoreWork` scores at `MATCHING.candidateScore` or more.
   */
  async candidates(
    inTransaction: InTransaction,
    queries: readonly { keys: TitleKeys; category?: string | null }[],
    limit: number,
  ): Promise<WorkKeys[][]> {
    if (queries.length === 0) return [];
    const rows = await inTransaction(async (db) => {
      await db.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [
        String(MATCHING.retrievalSimilarity),
      ]);
      const found = rowsOf<{ position: number; work_id: string }>(
        await db.query(
          `SELECT q.position::int AS position, m.work_id
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY
           AS q(normalized, compact, reading, grams, category, position)
         CROSS JOIN LATERAL (
           SELECT c."work_id" FROM (
             SELECT k."work_id",
                    max(CASE WHEN k."compact" = q.compact OR (q.reading <> '' AND k."reading" = q.reading)
                             THEN 1
                             ELSE greatest(public.similarity(k."normalized", q.normalized),
                                           CASE WHEN q.reading <> '' THEN public.similarity(k."reading", q.reading) ELSE 0 END)
                        END) AS closeness,
                    min(length(k."compact")) AS size
             FROM ${this.table} k
             WHERE k."kind" = 'TITLE' AND (q.category IS NULL OR k."category" = q.category)
               AND (k."normalized" OPERATOR(public.%) q.normalized
                    OR k."compact" = q.compact
                    OR (q.reading <> '' AND (k."reading" = q.reading OR k."reading" OPERATOR(public.%) q.reading))
                    OR (q.compact <> '' AND k."grams" @> string_to_array(q.grams, $6))
                    OR (length(k."compact") >= $8 AND k."grams" <@ string_to_array(q.grams, $6)))
             GROUP BY k."work_id"
           ) c
           ORDER BY c.closeness DESC, c.size, c."work_id"
           LIMIT $7
         ) m
         UNION
         -- Titles the query holds whole, whatever their rank: a caller must see every one.
         SELECT q.position::int, k."work_id"
         FROM unnest($2::text[], $4::text[], $5::text[]) WITH ORDINALITY AS q(compact, grams, category, position)
         JOIN ${this.table} k
           ON k."kind" = 'TITLE' AND (q.category IS NULL OR k."category" = q.category)
          AND length(k."compact") >= $8 AND k."grams" <@ string_to_array(q.grams, $6)
          AND strpos(q.compact, k."compact") > 0
`,
          [
            queries.map((q) => q.keys.normalized),
            queries.map((q) => q.keys.compact),
            queries.map((q) => q.keys.reading),
            queries.map((q) => gramsOf(q.keys.compact).join(GRAM_SEPARATOR)),
            queries.map((q) => q.category ?? null),
            GRAM_SEPARATOR,
            limit,
            MATCHING.heldTitleLength,
          ],
        ),
      );
      const workIds = [...new Set(found.map((row) => row.work_id))];
      const keys = rowsOf<{ work_id: string; kind: 'TITLE' | 'CREATOR' } & TitleKeys>(
        await db.query(
          `SELECT "work_id", "kind", "normalized", "compact", "reading", "kanji", "numbers"
         FROM ${this.table} WHERE "work_id" = ANY($1::uuid[]) ORDER BY "work_id", "kind", "position"`,
          [workIds],
        ),
      );
      return { found, keys };
    });
    const works = new Map<string, { workId: string; titles: TitleKeys[]; creators: TitleKeys[] }>();
    for (const { work_id, kind, normalized, compact, reading, kanji, numbers } of rows.keys) {
      const work = works.get(work_id) ?? { workId: work_id, titles: [], creators: [] };
      (kind === 'TITLE' ? work.titles : work.creators).push({
        normalized,
        compact,
        reading,
        kanji,
        numbers,
      });
      works.set(work_id, work);
    }
    const result: WorkKeys[][] = queries.map(() => []);
    for (const row of rows.found) result[row.position - 1]!.push(works.get(row.work_id)!);
    return result;
  }
}

/** A title to match: what a platform or a searcher wrote. */
export interface TitleQuery {
  title: string;
  creator?: string | null;
  category?: string | null;
}

export interface TitleMatchResult {
  keys: TitleKeys;
  /** Every candidate found, scored, best first. */
  scored: ScoredWork[];
  decision: MatchDecision;
}

/** How many candidates the database returns per query for a decision. */
const DECISION_CANDIDATES = 20;

/**
 * The matcher: keys of each query, candidates from the table, each scored, and the
 * decision (certain, candidates, or none). One round trip for any number of queries.
 */
export async function matchTitles(
  table: MatchKeyTable,
  inTransaction: InTransaction,
  queries: readonly TitleQuery[],
  limit = DECISION_CANDIDATES,
): Promise<TitleMatchResult[]> {
  if (queries.length === 0) return [];
  const keys = await titleKeysOf(queries.flatMap((q) => [q.title, q.creator ?? '']));
  const titleKeys = queries.map((_, index) => keys[index * 2]!);
  // Candidates of the title as written, and of the title without its decorations.
  const lookups = queries.flatMap((q, index) => {
    const own = titleKeys[index]!;
    return [own, ...(own.core ? [own.core] : [])].map((form) => ({
      index,
      keys: form,
      category: q.category,
    }));
  });
  const found = await table.candidates(inTransaction, lookups, limit);
  const candidates = queries.map(() => new Map<string, WorkKeys>());
  lookups.forEach((lookup, position) => {
    for (const work of found[position]!) candidates[lookup.index]!.set(work.workId, work);
  });
  return queries.map((q, index) => {
    const creator = q.creator ? keys[index * 2 + 1]! : null;
    const scored = [...candidates[index]!.values()]
      .map((work) => scoreWork(titleKeys[index]!, work, creator))
      .sort((a, b) => b.score - a.score || a.workId.localeCompare(b.workId));
    return { keys: titleKeys[index]!, scored, decision: decideMatch(scored) };
  });
}
