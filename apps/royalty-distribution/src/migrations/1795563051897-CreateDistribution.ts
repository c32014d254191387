import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createIdempotencyTable } from '#libs/database';
import { createOptOutViewTable, dropOptOutViewTable } from '#libs/opt-out-view';
import { createRegistryViewTables, dropRegistryViewTables } from '#libs/registry-view';

/** Usage, batches, reserves; idempotency keys; the registry, licensing and opt-out views. */
export class CreateDistribution1795563051897 implements MigrationInterface {
  name = 'CreateDistribution1795563051897';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "royalty_distribution"."distribution_batches" ("id" uuid NOT NULL, "society_id" uuid NOT NULL, "category" text NOT NULL, "period_start" date NOT NULL, "period_end" date NOT NULL, "currency" character(3) NOT NULL, "admin_fee_bps" integer NOT NULL, "pool_given_minor" numeric(38,0), "pool_minor" numeric(38,0), "admin_fee_minor" numeric(38,0), "payable_minor" numeric(38,0), "held_minor" numeric(38,0), "reserved_minor" numeric(38,0), "exception_lines" integer, "counted_lines" bigint, "checksum" text, "status" text NOT NULL, "calculation_state" text NOT NULL, "calculation_phase" text, "calculation_error" text, "calculation_started_at" TIMESTAMP WITH TIME ZONE, "calculated_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "approved_by" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, "closed_by" uuid, "closed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_54e6e02710f0adfb4c3869915de" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "distribution_batches_society" ON "royalty_distribution"."distribution_batches"  ("society_id", "category") `,
    );
    await queryRunner.query(
      `CREATE TABLE "royalty_distribution"."batch_reports" ("batch_id" uuid NOT NULL, "report_id" uuid NOT NULL, CONSTRAINT "PK_094581d2178b74185332a3658ec" PRIMARY KEY ("batch_id", "report_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "royalty_distribution"."batch_cell_uses" ("batch_id" uuid NOT NULL, "work_key" text NOT NULL, "holder_key" text NOT NULL, "use_type" text NOT NULL, "points" numeric(60,0) NOT NULL, CONSTRAINT "PK_016a250db5bd0652b10cb00bcbd" PRIMARY KEY ("batch_id", "work_key", "holder_key", "use_type"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "royalty_distribution"."batch_cells" ("batch_id" uuid NOT NULL, "work_key" text NOT NULL, "holder_key" text NOT NULL, "points" numeric(60,0) NOT NULL, "amount" numeric(38,0), "status" text, "reason" text, CONSTRAINT "PK_677d73cdfb6a10f2f5bd22b49c6" PRIMARY KEY ("batch_id", "work_key", "holder_key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "batch_cells_holder" ON "royalty_distribution"."batch_cells"  ("batch_id", "holder_key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "royalty_distribution"."batch_exceptions" ("batch_id" uuid NOT NULL, "report_id" uuid NOT NULL, "line" integer NOT NULL, "work_id" uuid, "reason" text NOT NULL, CONSTRAINT "PK_0bbd1d28806bfba57b6d5a2f119" PRIMARY KEY ("batch_id", "report_id", "line"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "royalty_distribution"."reserves" ("id" uuid NOT NULL, "batch_id" uuid NOT NULL, "work_key" text NOT NULL, "holder_key" text NOT NULL, "reason" text NOT NULL, "amount" numeric(38,0) NOT NULL, "currency" character(3) NOT NULL, "status" text NOT NULL, "release_after" date NOT NULL, "released_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_e38489955a3c1a3880737f466ea" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "reserves_batch" ON "royalty_distribution"."reserves"  ("batch_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "royalty_distribution"."claims" ("id" uuid NOT NULL, "reserve_id" uuid NOT NULL, "holder_id" uuid NOT NULL, "evidence" text NOT NULL, "status" text NOT NULL, "claimed_by" uuid NOT NULL, "settled_by" uuid, "settled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_96c91970c0dcb2f69fdccd0a698" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "royalty_distribution"."usage_reports" ("id" uuid NOT NULL, "platform_id" uuid NOT NULL, "period_start" date NOT NULL, "period_end" date NOT NULL, "source" text NOT NULL, "lines_accepted" integer NOT NULL, "lines_rejected" integer NOT NULL, "lines_unidentified" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6543e87a3958331b40068578f3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "usage_reports_platform" ON "royalty_distribution"."usage_reports"  ("platform_id", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "royalty_distribution"."usage_lines" ("report_id" uuid NOT NULL, "line" integer NOT NULL, "license_id" uuid NOT NULL, "society_id" uuid NOT NULL, "scheme_id" uuid NOT NULL, "category" text NOT NULL, "work_id" uuid, "unidentified_reference" text, "identifier_key" text, "normalized_title" text, "title" text, "use_type" text NOT NULL, "territory" text NOT NULL, "quantity" bigint NOT NULL, "usage_date" date NOT NULL, "batch_id" uuid, CONSTRAINT "PK_bca4ac0e501cf4f4360c594a843" PRIMARY KEY ("report_id", "line"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "usage_lines_unmatched_title" ON "royalty_distribution"."usage_lines"  ("normalized_title") WHERE "work_id" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "usage_lines_unmatched_identifier" ON "royalty_distribution"."usage_lines"  ("identifier_key") WHERE "work_id" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "usage_lines_batching" ON "royalty_distribution"."usage_lines"  ("society_id", "category", "usage_date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "royalty_distribution"."usage_rejections" ("report_id" uuid NOT NULL, "line" integer NOT NULL, "reason" text NOT NULL, CONSTRAINT "PK_ef6e732d1c07cfb561b393842d0" PRIMARY KEY ("report_id", "line"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "royalty_distribution"."licenses" ("id" uuid NOT NULL, "platform_id" uuid NOT NULL, "work_id" uuid, "unidentified_reference" text, "decision" text NOT NULL, "scheme_id" uuid NOT NULL, "society_id" uuid NOT NULL, "category" text NOT NULL, "use_type" text NOT NULL, "territory" text NOT NULL, "valid_from" date NOT NULL, "valid_to" date NOT NULL, "fee_minor" numeric(38,0) NOT NULL, "currency" character(3) NOT NULL, "revoked_from" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_da5021501ce80efa03de6f40086" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "royalty_distribution"."schemes" ("id" uuid NOT NULL, "revision" integer NOT NULL, "society_id" uuid NOT NULL, "category" text NOT NULL, "right_type" text NOT NULL, "currency" character(3) NOT NULL, "weights" jsonb NOT NULL, CONSTRAINT "PK_fd989991874a1aab8856e326cd3" PRIMARY KEY ("id"))`,
    );
    await createIdempotencyTable(queryRunner, 'royalty_distribution');
    await createRegistryViewTables(queryRunner, 'royalty_distribution', { titleSearch: true });
    await createOptOutViewTable(queryRunner, 'royalty_distribution');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropOptOutViewTable(queryRunner, 'royalty_distribution');
    await dropRegistryViewTables(queryRunner, 'royalty_distribution');
    await queryRunner.query(`DROP TABLE "royalty_distribution"."idempotency_keys"`);
    await queryRunner.query(`DROP TABLE "royalty_distribution"."schemes"`);
    await queryRunner.query(`DROP TABLE "royalty_distribution"."licenses"`);
    await queryRunner.query(`DROP TABLE "royalty_distribution"."usage_rejections"`);
    await queryRunner.query(`DROP INDEX "royalty_distribution"."usage_lines_batching"`);
    await queryRunner.query(`DROP INDEX "royalty_distribution"."usage_lines_unmatched_identifier"`);
    await queryRunner.query(`DROP INDEX "royalty_distribution"."usage_lines_unmatched_title"`);
    await queryRunner.query(`DROP TABLE "royalty_distribution"."usage_lines"`);
    await queryRunner.query(`DROP INDEX "royalty_distribution"."usage_reports_platform"`);
    await queryRunner.query(`DROP TABLE "royalty_distribution"."usage_reports"`);
    await queryRunner.query(`DROP TABLE "royalty_distribution"."claims"`);
    await queryRunner.query(`DROP INDEX "royalty_distribution"."reserves_batch"`);
    await queryRunner.query(`DROP TABLE "royalty_distribution"."reserves"`);
    await queryRunner.query(`DROP TABLE "royalty_distribution"."batch_exceptions"`);
    await queryRunner.query(`DROP INDEX "royalty_distribution"."batch_cells_holder"`);
    await queryRunner.query(`DROP TABLE "royalty_distribution"."batch_cells"`);
    await queryRunner.query(`DROP TABLE "royalty_distribution"."batch_cell_uses"`);
    await queryRunner.query(`DROP TABLE "royalty_distribution"."batch_reports"`);
    await queryRunner.query(`DROP INDEX "royalty_distribution"."distribution_batches_society"`);
    await queryRunner.query(`DROP TABLE "royalty_distribution"."distribution_batches"`);
  }
}
