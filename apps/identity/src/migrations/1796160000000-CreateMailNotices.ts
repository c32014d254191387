import type { MigrationInterface, QueryRunner } from 'typeorm';

/** People's choices for mailed notices, and the notices mailed to each person (once). */
export class CreateMailNotices1796160000000 implements MigrationInterface {
  name = 'CreateMailNotices1796160000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "identity"."mail_preferences" ("account_id" uuid NOT NULL, "language" text, "muted_kinds" text array NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_bba488dba428c672caaf21f3bad" PRIMARY KEY ("account_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "identity"."notice_deliveries" ("notice_id" uuid NOT NULL, "account_id" uuid NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e5b3b72ef8de2f588e08a1ba8e2" PRIMARY KEY ("notice_id", "account_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "identity"."mail_preferences" ADD CONSTRAINT "FK_bba488dba428c672caaf21f3bad" FOREIGN KEY ("account_id") REFERENCES "identity"."accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "identity"."notice_deliveries" ADD CONSTRAINT "FK_a09d0be6833752d7459a494c253" FOREIGN KEY ("account_id") REFERENCES "identity"."accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "identity"."notice_deliveries" DROP CONSTRAINT "FK_a09d0be6833752d7459a494c253"`,
    );
    await queryRunner.query(
      `ALTER TABLE "identity"."mail_preferences" DROP CONSTRAINT "FK_bba488dba428c672caaf21f3bad"`,
    );
    await queryRunner.query(`DROP TABLE "identity"."notice_deliveries"`);
    await queryRunner.query(`DROP TABLE "identity"."mail_preferences"`);
  }
}
