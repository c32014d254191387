import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MatchMethod, titleKeysOf } from '#libs/matching';
import { createRegistryViewMatchKeys, dropRegistryViewMatchKeys } from '#libs/registry-view';

/** Distinct titles whose keys are computed and stored at once. */
const CHUNK = 1000;

export class MatchUsageTitles1796043488312 implements MigrationInterface {
  name = 'MatchUsageTitles1796043488312';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createRegistryViewMatchKeys(queryRunner, 'royalty_distribution');
    await queryRunner.query(
      `ALTER TABLE "royalty_distribution"."usage_lines" ADD "title_compact" text`,
    );
    await queryRunner.query(
      `ALTER TABLE "royalty_distribution"."usage_lines" ADD "title_reading" text`,
    );
    await queryRunner.query(
      `ALTER TABLE "royalty_distribution"."usage_lines" ADD "match_method" text`,
    );
    await queryRunner.query(
      `ALTER TABLE "royalty_distribution"."usage_lines" ADD "match_score" real`,
    );
    // Lines identified without a title were identified by their license, work id or identifier;
    // how earlier lines were matched by title is not known.
    await queryRunner.query(
      `UPDATE "royalty_distribution"."usage_lines" SET "match_method" = $1, "match_score" = 1
       WHERE "work_id" IS NOT NULL AND "title" IS NULL AND "normalized_title" IS NULL`,
      [MatchMethod.IDENTIFIER],
    );
    // The match keys of the titles of lines still unidentified, each distinct title once.
    const titles = (
      (await queryRunner.query(
        `SELECT DISTINCT coalesce("title", "normalized_title") AS title
         FROM "royalty_distribution"."usage_lines"
         WHERE "work_id" IS NULL AND coalesce("title", "normalized_title") IS NOT NULL`,
      )) as { title: string }[]
    ).map((row) => row.title);
    for (let start = 0; start < titles.length; start += CHUNK) {
      const chunk = titles.slice(start, start + CHUNK);
      const keys = await titleKeysOf(chunk);
      await queryRunner.query(
        `UPDATE "royalty_distribution"."usage_lines" u
         SET "title_compact" = nullif(k.compact, ''), "title_reading" = nullif(k.reading, '')
         FROM unnest($1::text[], $2::text[], $3::text[]) AS k(title, compact, reading)
         WHERE u."work_id" IS NULL AND coalesce(u."title", u."normalized_title") = k.title`,
        [chunk, keys.map((key) => key.compact), keys.map((key) => key.reading)],
      );
    }
    await queryRunner.query(`DROP INDEX "royalty_distribution"."usage_lines_unmatched_title"`);
    await queryRunner.query(
      `ALTER TABLE "royalty_distribution"."usage_lines" DROP COLUMN "normalized_title"`,
    );
    await queryRunner.query(
      `CREATE INDEX "usage_lines_unmatched_title_reading" ON "royalty_distribution"."usage_lines"  ("title_reading") WHERE "work_id" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "usage_lines_unmatched_title_compact" ON "royalty_distribution"."usage_lines"  ("title_compact") WHERE "work_id" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP INDEX "royalty_distribution"."usage_lines_unmatched_title_compact"`,
    );
    await queryRunner.query(
      `DROP INDEX "royalty_distribution"."usage_lines_unmatched_title_reading"`,
    );
    await queryRunner.query(
      `ALTER TABLE "royalty_distribution"."usage_lines" DROP COLUMN "match_score"`,
    );
    await queryRunner.query(
      `ALTER TABLE "royalty_distribution"."usage_lines" DROP COLUMN "match_method"`,
    );
    await queryRunner.query(
      `ALTER TABLE "royalty_distribution"."usage_lines" DROP COLUMN "title_reading"`,
    );
    await queryRunner.query(
      `ALTER TABLE "royalty_distribution"."usage_lines" DROP COLUMN "title_compact"`,
    );
    await queryRunner.query(
      `ALTER TABLE "royalty_distribution"."usage_lines" ADD "normalized_title" text`,
    );
    await queryRunner.query(
      `CREATE INDEX "usage_lines_unmatched_title" ON "royalty_distribution"."usage_lines" USING btree ("normalized_title") WHERE (work_id IS NULL)`,
    );
    await dropRegistryViewMatchKeys(queryRunner, 'royalty_distribution');
  }
}
