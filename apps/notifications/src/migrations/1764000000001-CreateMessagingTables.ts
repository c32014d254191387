import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables } from '#libs/messaging';

/** The service's outbox and inbox (libs/messaging). */
export class CreateMessagingTables1764000000001 implements MigrationInterface {
  name = 'CreateMessagingTables1764000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMessagingTables(queryRunner, 'notifications');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMessagingTables(queryRunner, 'notifications');
  }
}
