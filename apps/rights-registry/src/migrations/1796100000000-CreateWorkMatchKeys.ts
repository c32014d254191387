import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  rebuildWorkMatchKeys,
  workMatchKeyTable,
} from '../works/infrastructure/work-match-keys.js';

/**
 * The match keys of registered works' titles (main and alternative) and creators, read by the
 * one title matcher (libs/matching), filled from the works already registered.
 */
export class CreateWorkMatchKeys1796100000000 implements MigrationInterface {
  name = 'CreateWorkMatchKeys1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Services may create the extension concurrently: serialise on a database-wide lock.
    await queryRunner.query(`SELECT pg_advisory_xact_lock(hashtext('create extension pg_trgm'))`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`);
    const table = workMatchKeyTable();
    await table.create(queryRunner, 'work_match_keys');
    await rebuildWorkMatchKeys(table, queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await workMatchKeyTable().drop(queryRunner);
  }
}
