import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ListStatementsAndClaims1796068674653 implements MigrationInterface {
  name = 'ListStatementsAndClaims1796068674653';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "batch_cells_by_holder" ON "royalty_distribution"."batch_cells"  ("holder_key", "batch_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "claims_holder" ON "royalty_distribution"."claims"  ("holder_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "usage_lines_unidentified_reference" ON "royalty_distribution"."usage_lines"  ("unidentified_reference") WHERE "unidentified_reference" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP INDEX "royalty_distribution"."usage_lines_unidentified_reference"`,
    );
    await queryRunner.query(`DROP INDEX "royalty_distribution"."claims_holder"`);
    await queryRunner.query(`DROP INDEX "royalty_distribution"."batch_cells_by_holder"`);
  }
}
