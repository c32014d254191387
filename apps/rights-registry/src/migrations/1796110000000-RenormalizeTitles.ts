import type { MigrationInterface, QueryRunner } from 'typeorm';
import { normalizeTitle } from '#libs/contracts';

const BATCH = 1000;

/**
 * Titles normalized again with today's rule (old kanji forms to current ones, invisible
 * characters and look-alike letters folded), so that the likely-duplicate check compares
 * works registered before with works registered now alike.
 */
export class RenormalizeTitles1796110000000 implements MigrationInterface {
  name = 'RenormalizeTitles1796110000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['works', 'work_titles']) {
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const rows = (await queryRunner.query(
          `SELECT "id", "title", "normalized_title" FROM "rights_registry"."${table}"
           WHERE "id" > $1 ORDER BY "id" LIMIT ${BATCH}`,
          [after],
        )) as { id: string; title: string; normalized_title: string }[];
        if (rows.length === 0) break;
        after = rows.at(-1)!.id;
        const changed = rows
          .map((row) => ({
            id: row.id,
            normalized: normalizeTitle(row.title),
            was: row.normalized_title,
          }))
          .filter((row) => row.normalized !== row.was);
        if (changed.length === 0) continue;
        await queryRunner.query(
          `UPDATE "rights_registry"."${table}" t SET "normalized_title" = c.normalized
           FROM unnest($1::uuid[], $2::text[]) AS c(id, normalized) WHERE t."id" = c.id`,
          [changed.map((row) => row.id), changed.map((row) => row.normalized)],
        );
      }
    }
  }

  public async down(): Promise<void> {
    // The earlier normalization is not kept: titles stay normalized by today's rule.
  }
}
