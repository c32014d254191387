import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createIdempotencyTable } from '#libs/database';

export class CreateOptOuts1795559743605 implements MigrationInterface {
  name = 'CreateOptOuts1795559743605';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "opt_out"."opt_outs" ("id" uuid NOT NULL, "holder_id" uuid NOT NULL, "scope" text NOT NULL, "work_id" uuid, "use_types" text array NOT NULL, "effective_from" TIMESTAMP WITH TIME ZONE NOT NULL, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "registered_by" uuid NOT NULL, "registered_by_role" text NOT NULL, "withdrawn_by" uuid, CONSTRAINT "PK_ea09458ff89d7d39a433e46beed" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "opt_outs_work" ON "opt_out"."opt_outs"  ("work_id") `);
    await queryRunner.query(
      `CREATE INDEX "opt_outs_holder" ON "opt_out"."opt_outs"  ("holder_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "opt_out"."works" ("id" uuid NOT NULL, "title" text NOT NULL, "category" text NOT NULL, CONSTRAINT "PK_a9ffbf516ba6e52604b29e5cce0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "works_category" ON "opt_out"."works"  ("category") `);
    await queryRunner.query(
      `CREATE TABLE "opt_out"."share_versions" ("work_id" uuid NOT NULL, "effective_from" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_b0cd7c5e569d70a28d2977ab8dc" PRIMARY KEY ("work_id", "effective_from"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "opt_out"."share_holders" ("work_id" uuid NOT NULL, "effective_from" TIMESTAMP WITH TIME ZONE NOT NULL, "holder_id" uuid NOT NULL, CONSTRAINT "PK_a2655b8fd7cb67760d6d0de08da" PRIMARY KEY ("work_id", "effective_from", "holder_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "share_holders_holder" ON "opt_out"."share_holders"  ("holder_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "opt_out"."parties" ("id" uuid NOT NULL, "kind" text NOT NULL, CONSTRAINT "PK_da698299dca60d55f0050dde935" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "opt_out"."memberships" ("party_id" uuid NOT NULL, "society_id" uuid NOT NULL, "member_from" date NOT NULL, "member_to" date, CONSTRAINT "PK_7d3ad698e10a5d35c410098b0c6" PRIMARY KEY ("party_id", "society_id", "member_from"))`,
    );
    await createIdempotencyTable(queryRunner, 'opt_out');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "opt_out"."idempotency_keys"`);
    await queryRunner.query(`DROP TABLE "opt_out"."memberships"`);
    await queryRunner.query(`DROP TABLE "opt_out"."parties"`);
    await queryRunner.query(`DROP INDEX "opt_out"."share_holders_holder"`);
    await queryRunner.query(`DROP TABLE "opt_out"."share_holders"`);
    await queryRunner.query(`DROP TABLE "opt_out"."share_versions"`);
    await queryRunner.query(`DROP INDEX "opt_out"."works_category"`);
    await queryRunner.query(`DROP TABLE "opt_out"."works"`);
    await queryRunner.query(`DROP INDEX "opt_out"."opt_outs_holder"`);
    await queryRunner.query(`DROP INDEX "opt_out"."opt_outs_work"`);
    await queryRunner.query(`DROP TABLE "opt_out"."opt_outs"`);
  }
}
