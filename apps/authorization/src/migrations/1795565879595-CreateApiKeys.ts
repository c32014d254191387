import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateApiKeys1795565879595 implements MigrationInterface {
  name = 'CreateApiKeys1795565879595';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "authorization"."api_keys" ("id" uuid NOT NULL, "platform_id" uuid NOT NULL, "name" text NOT NULL, "prefix" text NOT NULL, "key_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "api_keys_hash" ON "authorization"."api_keys"  ("key_hash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "api_keys_platform" ON "authorization"."api_keys"  ("platform_id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "authorization"."api_keys_platform"`);
    await queryRunner.query(`DROP INDEX "authorization"."api_keys_hash"`);
    await queryRunner.query(`DROP TABLE "authorization"."api_keys"`);
  }
}
