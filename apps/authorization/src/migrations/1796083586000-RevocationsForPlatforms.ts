import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each license was revoked (revoked_at, distinct from revoked_from, when coverage ends),
 * indexed for "revoked since" per platform and overall; and, per use request item, when it was
 * decided, its decision before a re-decision, and the item as asked while it waits for the
 * opt-out view (PENDING on a stale view).
 *
 * Licenses revoked before this column get the best time known: the opt-out's registration
 * (opt-out ids are UUIDv7, which carry their creation time; revocation follows it within the
 * view's lag), else the earlier of revoked_from and now, never before the license existed.
 */
export class RevocationsForPlatforms1796083586000 implements MigrationInterface {
  name = 'RevocationsForPlatforms1796083586000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "authorization"."licenses" ADD "revoked_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `UPDATE "authorization"."licenses"
          SET "revoked_at" = GREATEST("created_at", CASE
                WHEN substr("opt_out_id"::text, 15, 1) = '7'
                  THEN date_trunc('milliseconds', to_timestamp(('x' || substr(replace("opt_out_id"::text, '-', ''), 1, 12))::bit(48)::bigint / 1000.0))
                ELSE date_trunc('milliseconds', LEAST("revoked_from", now()))
              END)
        WHERE "status" = 'REVOKED'`,
    );
    await queryRunner.query(
      `CREATE INDEX "licenses_platform_revoked" ON "authorization"."licenses"  ("platform_id", "revoked_at", "id") WHERE "revoked_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "licenses_revoked" ON "authorization"."licenses"  ("revoked_at", "id") WHERE "revoked_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "authorization"."use_request_items" ADD "awaiting_opt_outs" jsonb`,
    );
    await queryRunner.query(
      `ALTER TABLE "authorization"."use_request_items" ADD "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await queryRunner.query(
      `UPDATE "authorization"."use_request_items" i SET "decided_at" = r."created_at"
         FROM "authorization"."use_requests" r WHERE r."id" = i."use_request_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "authorization"."use_request_items" ADD "previous_decision" text`,
    );
    await queryRunner.query(
      `CREATE INDEX "use_request_items_awaiting_opt_outs" ON "authorization"."use_request_items"  ("use_request_id", "index") WHERE "awaiting_opt_outs" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "authorization"."use_request_items_awaiting_opt_outs"`);
    await queryRunner.query(
      `ALTER TABLE "authorization"."use_request_items" DROP COLUMN "previous_decision"`,
    );
    await queryRunner.query(
      `ALTER TABLE "authorization"."use_request_items" DROP COLUMN "decided_at"`,
    );
    await queryRunner.query(
      `ALTER TABLE "authorization"."use_request_items" DROP COLUMN "awaiting_opt_outs"`,
    );
    await queryRunner.query(`DROP INDEX "authorization"."licenses_revoked"`);
    await queryRunner.query(`DROP INDEX "authorization"."licenses_platform_revoked"`);
    await queryRunner.query(`ALTER TABLE "authorization"."licenses" DROP COLUMN "revoked_at"`);
  }
}
