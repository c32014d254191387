import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  MatchKeyTable,
  matchTitles,
  type Database,
  type InTransaction,
  type TitleMatchResult,
  type TitleQuery,
} from '#libs/matching';

/** The registry's match keys: every title (main first, then alternatives) and creator of a work. */
export const workMatchKeyTable = (): MatchKeyTable =>
  new MatchKeyTable('rights_registry', 'work_match_keys');

/** What the keys of one work are made of. */
export interface WorkMatchText {
  workId: string;
  category: string;
  title: string;
  alternativeTitles: readonly string[];
  creatorNames: readonly string[];
}

/** Works whose keys are rebuilt at once by `refresh`. */
const BATCH = 1000;

/**
 * The registry's own match key table, written in the transaction of every change of a work's
 * titles or creators and read by the one matcher of libs/matching.
 */
@Injectable()
export class WorkMatchKeys {
  private readonly table = workMatchKeyTable();

  constructor(private readonly dataSource: DataSource) {}

  /** Replaces the keys of these works (in `db`'s transaction). */
  write(db: Database, works: readonly WorkMatchText[]): Promise<void> {
    return writeWorkMatchKeys(this.table, db, works);
  }

  /** The matcher over the registry's titles, in `manager`'s transaction when it has one. */
  match(
    queries: readonly TitleQuery[],
    limit?: number,
    manager?: EntityManager,
  ): Promise<TitleMatchResult[]> {
    const inTransaction: InTransaction = (work) =>
      manager?.queryRunner?.isTransactionActive
        ? work(manager)
        : this.dataSource.transaction((tx) => work(tx));
    return matchTitles(this.table, inTransaction, queries, limit);
  }
}

export function writeWorkMatchKeys(
  table: MatchKeyTable,
  db: Database,
  works: readonly WorkMatchText[],
): Promise<void> {
  return table.replace(
    db,
    works.map((work) => ({
      workId: work.workId,
      category: work.category,
      titles: [work.title, ...work.alternativeTitles],
      creators: work.creatorNames,
    })),
  );
}

/**
 * Rebuilds the keys of every registered work from the registry's tables, `BATCH` works at a
 * time (a migration that adds or changes the table).
 */
export async function rebuildWorkMatchKeys(table: MatchKeyTable, db: Database): Promise<void> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const works = (await db.query(
      `SELECT w."id" AS "workId", w."category", w."title", w."creator_names" AS "creatorNames",
              ARRAY(SELECT t."title" FROM "rights_registry"."work_titles" t
                    WHERE t."work_id" = w."id" ORDER BY t."title") AS "alternativeTitles"
         FROM "rights_registry"."works" w
        WHERE w."id" > $1
        ORDER BY w."id"
        LIMIT $2`,
      [after, BATCH],
    )) as WorkMatchText[];
    if (works.length === 0) return;
    await writeWorkMatchKeys(table, db, works);
    after = works[works.length - 1]!.workId;
  }
}
