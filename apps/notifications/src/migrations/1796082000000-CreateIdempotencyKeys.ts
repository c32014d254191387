import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createIdempotencyTable } from '#libs/database';

/** The keys of retried writes (creating an endpoint, rotating a secret, a test ping). */
export class CreateIdempotencyKeys1796082000000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1796082000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createIdempotencyTable(queryRunner, 'notifications');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notifications"."idempotency_keys"`);
  }
}
