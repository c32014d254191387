import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNoticeSources1796081894905 implements MigrationInterface {
  name = 'CreateNoticeSources1796081894905';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notifications"."notice_licenses" ("license_id" uuid NOT NULL, "platform_id" uuid NOT NULL, "work_id" uuid, "use_type" text NOT NULL, "territory" text NOT NULL, "valid_from" date NOT NULL, "valid_to" date NOT NULL, CONSTRAINT "PK_2c9d0cf837b7122fa13cd4b3eba" PRIMARY KEY ("license_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications"."notice_opt_outs" ("opt_out_id" uuid NOT NULL, "holder_id" uuid NOT NULL, "effective_from" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_86ef25aa78b1a6a6fe20428921b" PRIMARY KEY ("opt_out_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications"."notice_batches" ("batch_id" uuid NOT NULL, "society_id" uuid NOT NULL, CONSTRAINT "PK_badaeed73a568a868132089fc0d" PRIMARY KEY ("batch_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notifications"."notice_batches"`);
    await queryRunner.query(`DROP TABLE "notifications"."notice_opt_outs"`);
    await queryRunner.query(`DROP TABLE "notifications"."notice_licenses"`);
  }
}
