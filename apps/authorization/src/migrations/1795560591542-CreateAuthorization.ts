import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createIdempotencyTable } from '#libs/database';
import { createOptOutViewTable, dropOptOutViewTable } from '#libs/opt-out-view';
import { createRegistryViewTables, dropRegistryViewTables } from '#libs/registry-view';

/** Schemes, use requests, licenses, idempotency keys, the registry and opt-out views. */
export class CreateAuthorization1795560591542 implements MigrationInterface {
  name = 'CreateAuthorization1795560591542';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "authorization"."use_requests" ("id" uuid NOT NULL, "platform_id" uuid NOT NULL, "item_count" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_99acc6e4c7fd450f915c46c2890" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "use_requests_platform" ON "authorization"."use_requests"  ("platform_id", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "authorization"."use_request_items" ("use_request_id" uuid NOT NULL, "index" integer NOT NULL, "decision" text NOT NULL, "reason" text NOT NULL, "work_id" uuid, "license_id" uuid, "contact_holder_ids" uuid array NOT NULL, "unidentified_reference" text, CONSTRAINT "PK_2f95e0d70be174334ec5d485bcd" PRIMARY KEY ("use_request_id", "index"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "authorization"."licenses" ("id" uuid NOT NULL, "platform_id" uuid NOT NULL, "use_request_id" uuid NOT NULL, "item_index" integer NOT NULL, "work_id" uuid, "unidentified_reference" text, "decision" text NOT NULL, "scheme_id" uuid NOT NULL, "society_id" uuid NOT NULL, "category" text NOT NULL, "use_type" text NOT NULL, "territory" text NOT NULL, "valid_from" date NOT NULL, "valid_to" date NOT NULL, "expected_quantity" integer NOT NULL, "fee_minor" numeric(38,0) NOT NULL, "currency" character(3) NOT NULL, "status" text NOT NULL, "revoked_from" TIMESTAMP WITH TIME ZONE, "revoked_reason" text, "opt_out_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_da5021501ce80efa03de6f40086" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "licenses_active_work" ON "authorization"."licenses"  ("work_id") WHERE "status" = 'ACTIVE'`,
    );
    await queryRunner.query(
      `CREATE INDEX "licenses_platform" ON "authorization"."licenses"  ("platform_id", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "authorization"."schemes" ("id" uuid NOT NULL, "revision" integer NOT NULL, "society_id" uuid NOT NULL, "category" text NOT NULL, "use_types" text array NOT NULL, "territories" text array NOT NULL, "right_type" text NOT NULL, "unit_rate_minor" numeric(38,0) NOT NULL, "currency" character(3) NOT NULL, "covers_unidentified" boolean NOT NULL, "weights" jsonb NOT NULL, "active" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fd989991874a1aab8856e326cd3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "schemes_category" ON "authorization"."schemes"  ("category") `,
    );
    await createIdempotencyTable(queryRunner, 'authorization');
    await createRegistryViewTables(queryRunner, 'authorization', { titleSearch: true });
    await createOptOutViewTable(queryRunner, 'authorization');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropOptOutViewTable(queryRunner, 'authorization');
    await dropRegistryViewTables(queryRunner, 'authorization');
    await queryRunner.query(`DROP TABLE "authorization"."idempotency_keys"`);
    await queryRunner.query(`DROP INDEX "authorization"."schemes_category"`);
    await queryRunner.query(`DROP TABLE "authorization"."schemes"`);
    await queryRunner.query(`DROP INDEX "authorization"."licenses_platform"`);
    await queryRunner.query(`DROP INDEX "authorization"."licenses_active_work"`);
    await queryRunner.query(`DROP TABLE "authorization"."licenses"`);
    await queryRunner.query(`DROP TABLE "authorization"."use_request_items"`);
    await queryRunner.query(`DROP INDEX "authorization"."use_requests_platform"`);
    await queryRunner.query(`DROP TABLE "authorization"."use_requests"`);
  }
}
