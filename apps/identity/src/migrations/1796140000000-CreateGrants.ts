import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Grants (an account's role on a party, one active per account, role and party), the grant
 * each sign-in's tokens act as, and invitations to grants (one pending per address, role and
 * party; the link's token only as its hash).
 */
export class CreateGrants1796140000000 implements MigrationInterface {
  name = 'CreateGrants1796140000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "identity"."grants" ("id" uuid NOT NULL, "account_id" uuid NOT NULL, "role" text NOT NULL, "party_id" uuid, "party_key" text NOT NULL, "party_name" text, "party_kind" text, "granted_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a25f5f89eff8b3277f7969b7094" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "grants_active_once" ON "identity"."grants"  ("account_id", "role", "party_key") WHERE "revoked_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "grants_account" ON "identity"."grants"  ("account_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "identity"."acting_grants" ("oidc_grant_id" text NOT NULL, "account_id" uuid NOT NULL, "grant_id" uuid NOT NULL, "chosen_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_85699807dee0f2364f5206331d0" PRIMARY KEY ("oidc_grant_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "acting_grants_grant" ON "identity"."acting_grants"  ("grant_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "identity"."invitations" ("id" uuid NOT NULL, "email" text NOT NULL, "role" text NOT NULL, "party_id" uuid, "party_key" text NOT NULL, "party_name" text, "party_kind" text, "invited_by" uuid NOT NULL, "inviter_role" text NOT NULL, "inviter_party_name" text, "language" text NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "accepted_by" uuid, "withdrawn_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_872ac94a64b3d44fc4b554780cd" UNIQUE ("token_hash"), CONSTRAINT "PK_5dec98cfdfd562e4ad3648bbb07" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "invitations_inviter" ON "identity"."invitations"  ("invited_by") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "invitations_pending_once" ON "identity"."invitations"  ("email", "role", "party_key") WHERE "accepted_at" IS NULL AND "withdrawn_at" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "identity"."grants" ADD CONSTRAINT "FK_0b5585cdd076f3ca6e855c392bf" FOREIGN KEY ("account_id") REFERENCES "identity"."accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "identity"."acting_grants" ADD CONSTRAINT "FK_7cff11dcfa7de94315355368d18" FOREIGN KEY ("grant_id") REFERENCES "identity"."grants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "identity"."acting_grants" DROP CONSTRAINT "FK_7cff11dcfa7de94315355368d18"`,
    );
    await queryRunner.query(
      `ALTER TABLE "identity"."grants" DROP CONSTRAINT "FK_0b5585cdd076f3ca6e855c392bf"`,
    );
    await queryRunner.query(`DROP INDEX "identity"."invitations_pending_once"`);
    await queryRunner.query(`DROP INDEX "identity"."invitations_inviter"`);
    await queryRunner.query(`DROP TABLE "identity"."invitations"`);
    await queryRunner.query(`DROP INDEX "identity"."acting_grants_grant"`);
    await queryRunner.query(`DROP TABLE "identity"."acting_grants"`);
    await queryRunner.query(`DROP INDEX "identity"."grants_account"`);
    await queryRunner.query(`DROP INDEX "identity"."grants_active_once"`);
    await queryRunner.query(`DROP TABLE "identity"."grants"`);
  }
}
