import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentity1796044064273 implements MigrationInterface {
  name = 'CreateIdentity1796044064273';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "identity"."oidc_records" ("model" text NOT NULL, "id" text NOT NULL, "payload" jsonb NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE, "grant_id" text, "user_code" text, "uid" text, "consumed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_7da4be4c6030cbfbdba4cfd4d06" PRIMARY KEY ("model", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "oidc_records_expires" ON "identity"."oidc_records"  ("expires_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "oidc_records_uid" ON "identity"."oidc_records"  ("uid") `,
    );
    await queryRunner.query(
      `CREATE INDEX "oidc_records_user_code" ON "identity"."oidc_records"  ("user_code") `,
    );
    await queryRunner.query(
      `CREATE INDEX "oidc_records_grant" ON "identity"."oidc_records"  ("grant_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "identity"."signing_keys" ("kid" text NOT NULL, "alg" text NOT NULL, "public_jwk" jsonb NOT NULL, "sealed_private_jwk" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "retired_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_13362ac3e792c69417e1a53d355" PRIMARY KEY ("kid"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "identity"."signing_keys"`);
    await queryRunner.query(`DROP INDEX "identity"."oidc_records_grant"`);
    await queryRunner.query(`DROP INDEX "identity"."oidc_records_user_code"`);
    await queryRunner.query(`DROP INDEX "identity"."oidc_records_uid"`);
    await queryRunner.query(`DROP INDEX "identity"."oidc_records_expires"`);
    await queryRunner.query(`DROP TABLE "identity"."oidc_records"`);
  }
}
