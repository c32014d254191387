import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who opened each dispute (counted against a daily limit) and the holders' answer to it. */
export class DisputeOpenersAndAnswers1796033670961 implements MigrationInterface {
  name = 'DisputeOpenersAndAnswers1796033670961';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Disputes opened before this migration were opened by their claimant (the caller then).
    await queryRunner.query(`ALTER TABLE "rights_registry"."disputes" ADD "opened_by" uuid`);
    await queryRunner.query(`UPDATE "rights_registry"."disputes" SET "opened_by" = "claimant_id"`);
    await queryRunner.query(
      `ALTER TABLE "rights_registry"."disputes" ALTER COLUMN "opened_by" SET NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "rights_registry"."disputes" ADD "answer" text`);
    await queryRunner.query(`ALTER TABLE "rights_registry"."disputes" ADD "answered_by" uuid`);
    await queryRunner.query(
      `ALTER TABLE "rights_registry"."disputes" ADD "answered_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `CREATE INDEX "disputes_claimant" ON "rights_registry"."disputes"  ("claimant_id", "opened_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "disputes_opened_by" ON "rights_registry"."disputes"  ("opened_by", "opened_at") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "rights_registry"."disputes_opened_by"`);
    await queryRunner.query(`DROP INDEX "rights_registry"."disputes_claimant"`);
    await queryRunner.query(`ALTER TABLE "rights_registry"."disputes" DROP COLUMN "answered_at"`);
    await queryRunner.query(`ALTER TABLE "rights_registry"."disputes" DROP COLUMN "answered_by"`);
    await queryRunner.query(`ALTER TABLE "rights_registry"."disputes" DROP COLUMN "answer"`);
    await queryRunner.query(`ALTER TABLE "rights_registry"."disputes" DROP COLUMN "opened_by"`);
  }
}
