import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createIdempotencyTable } from '#libs/database';
import { createRegistryViewTables, dropRegistryViewTables } from '#libs/registry-view';

/** Opt-outs, idempotency keys and the registry view (libs/registry-view). */
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
    await createIdempotencyTable(queryRunner, 'opt_out');
    await createRegistryViewTables(queryRunner, 'opt_out');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropRegistryViewTables(queryRunner, 'opt_out');
    await queryRunner.query(`DROP TABLE "opt_out"."idempotency_keys"`);
    await queryRunner.query(`DROP INDEX "opt_out"."opt_outs_holder"`);
    await queryRunner.query(`DROP INDEX "opt_out"."opt_outs_work"`);
    await queryRunner.query(`DROP TABLE "opt_out"."opt_outs"`);
  }
}
