import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createRegistryViewMatchKeys, dropRegistryViewMatchKeys } from '#libs/registry-view';

/**
 * The match keys of the registry view's titles (the one matcher), and what each use request
 * item matched: its method and score, or the candidates of a title close to several works.
 */
export class MatchTitlesAcrossScripts1796043485236 implements MigrationInterface {
  name = 'MatchTitlesAcrossScripts1796043485236';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "authorization"."use_request_items" ADD "match_method" text`,
    );
    await queryRunner.query(
      `ALTER TABLE "authorization"."use_request_items" ADD "match_score" double precision`,
    );
    await queryRunner.query(
      `ALTER TABLE "authorization"."use_request_items" ADD "candidates" jsonb NOT NULL DEFAULT '[]'`,
    );
    await createRegistryViewMatchKeys(queryRunner, 'authorization');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropRegistryViewMatchKeys(queryRunner, 'authorization');
    await queryRunner.query(
      `ALTER TABLE "authorization"."use_request_items" DROP COLUMN "candidates"`,
    );
    await queryRunner.query(
      `ALTER TABLE "authorization"."use_request_items" DROP COLUMN "match_score"`,
    );
    await queryRunner.query(
      `ALTER TABLE "authorization"."use_request_items" DROP COLUMN "match_method"`,
    );
  }
}
