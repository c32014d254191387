import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePlatformClients1796046445210 implements MigrationInterface {
  name = 'CreatePlatformClients1796046445210';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "identity"."client_audit" ("id" uuid NOT NULL, "client_id" text NOT NULL, "party_id" uuid NOT NULL, "action" text NOT NULL, "actor_subject" text NOT NULL, "actor_role" text NOT NULL, "actor_party" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_fe2e1731a428211301891619140" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "client_audit_client" ON "identity"."client_audit"  ("client_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "identity"."client_secrets" ("id" uuid NOT NULL, "client_id" text NOT NULL, "hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_528f9011d942fe4285af16c1df5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "client_secrets_client" ON "identity"."client_secrets"  ("client_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "identity"."platform_clients" ("client_id" text NOT NULL, "party_id" uuid NOT NULL, "name" text NOT NULL, "auth_method" text NOT NULL, "jwk" jsonb, "idempotency_key" text, "request_hash" text, "api_key_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_885a80b505db15ea2e40407d78a" PRIMARY KEY ("client_id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "platform_clients_api_key" ON "identity"."platform_clients"  ("api_key_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "platform_clients_idempotency" ON "identity"."platform_clients"  ("party_id", "idempotency_key") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "identity"."platform_clients_idempotency"`);
    await queryRunner.query(`DROP INDEX "identity"."platform_clients_api_key"`);
    await queryRunner.query(`DROP TABLE "identity"."platform_clients"`);
    await queryRunner.query(`DROP INDEX "identity"."client_secrets_client"`);
    await queryRunner.query(`DROP TABLE "identity"."client_secrets"`);
    await queryRunner.query(`DROP INDEX "identity"."client_audit_client"`);
    await queryRunner.query(`DROP TABLE "identity"."client_audit"`);
  }
}
