import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createRegistryViewTables, dropRegistryViewTables } from '#libs/registry-view';

/** The registry as the notifications app knows it (libs/registry-view): parties, works, shares. */
export class CreateRegistryView1796080000000 implements MigrationInterface {
  name = 'CreateRegistryView1796080000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createRegistryViewTables(queryRunner, 'notifications');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropRegistryViewTables(queryRunner, 'notifications');
  }
}
