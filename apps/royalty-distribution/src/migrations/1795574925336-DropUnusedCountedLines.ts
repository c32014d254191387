import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DropUnusedCountedLines1795574925336 implements MigrationInterface {
  name = 'DropUnusedCountedLines1795574925336';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "royalty_distribution"."distribution_batches" DROP COLUMN "counted_lines"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "royalty_distribution"."distribution_batches" ADD "counted_lines" bigint`,
    );
  }
}
