import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts' passkeys, WebAuthn challenges waiting for their answer, the second-factor choice. */
export class CreatePasskeys1796150000000 implements MigrationInterface {
  name = 'CreatePasskeys1796150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "identity"."passkeys" ("id" text NOT NULL, "account_id" uuid NOT NULL, "name" text NOT NULL, "public_key" bytea NOT NULL, "counter" bigint NOT NULL, "transports" text array NOT NULL, "device_type" text NOT NULL, "backed_up" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_db928e6fd79e7098911268a74c3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "passkeys_account" ON "identity"."passkeys"  ("account_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "identity"."webauthn_challenges" ("purpose" text NOT NULL, "binding" text NOT NULL, "challenge" text NOT NULL, "account_id" uuid, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f84acc1f36de2d9f0fefbcf0bb5" PRIMARY KEY ("purpose", "binding"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "identity"."accounts" ADD "passkey_second_factor" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `ALTER TABLE "identity"."passkeys" ADD CONSTRAINT "FK_9ffdc168cb3a548b62f48ea79e5" FOREIGN KEY ("account_id") REFERENCES "identity"."accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "identity"."passkeys" DROP CONSTRAINT "FK_9ffdc168cb3a548b62f48ea79e5"`,
    );
    await queryRunner.query(
      `ALTER TABLE "identity"."accounts" DROP COLUMN "passkey_second_factor"`,
    );
    await queryRunner.query(`DROP TABLE "identity"."webauthn_challenges"`);
    await queryRunner.query(`DROP INDEX "identity"."passkeys_account"`);
    await queryRunner.query(`DROP TABLE "identity"."passkeys"`);
  }
}
