import type { MigrationInterface, QueryRunner } from 'typeorm';

/** People's accounts, their mailed tokens, sign-in throttles and the accounts' audit log. */
export class CreateAccounts1796130000000 implements MigrationInterface {
  name = 'CreateAccounts1796130000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "identity"."account_audit" ("id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "event" text NOT NULL, "account_id" uuid, "client_address" text, "client_id" text, CONSTRAINT "PK_2a504b11de85e11afc0cf36ced7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "account_audit_account" ON "identity"."account_audit"  ("account_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "identity"."account_tokens" ("token_hash" text NOT NULL, "account_id" uuid NOT NULL, "purpose" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_167033390a71c52224c7c636c8b" PRIMARY KEY ("token_hash"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "account_tokens_account" ON "identity"."account_tokens"  ("account_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "identity"."accounts" ("id" uuid NOT NULL, "email" text NOT NULL, "password_hash" text NOT NULL, "language" text NOT NULL, "email_verified_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "password_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_ee66de6cdc53993296d1ceb8aa0" UNIQUE ("email"), CONSTRAINT "PK_5a7a02c20412299d198e097a8fe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "identity"."sign_in_throttles" ("key" text NOT NULL, "failures" integer NOT NULL, "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "locked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f01bfc0e243b5d41e587ffff6dd" PRIMARY KEY ("key"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "identity"."sign_in_throttles"`);
    await queryRunner.query(`DROP TABLE "identity"."accounts"`);
    await queryRunner.query(`DROP INDEX "identity"."account_tokens_account"`);
    await queryRunner.query(`DROP TABLE "identity"."account_tokens"`);
    await queryRunner.query(`DROP INDEX "identity"."account_audit_account"`);
    await queryRunner.query(`DROP TABLE "identity"."account_audit"`);
  }
}
