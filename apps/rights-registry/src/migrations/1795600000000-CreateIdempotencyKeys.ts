import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createIdempotencyTable } from '#libs/database';

/** Keys of retried registrations (libs/database idempotency). */
export class CreateIdempotencyKeys1795600000000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1795600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createIdempotencyTable(queryRunner, 'rights_registry');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rights_registry"."idempotency_keys"`);
  }
}
