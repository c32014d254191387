import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhook endpoints, their secrets, messages, deliveries and attempts; mail notices. */
export class CreateWebhooks1796081000284 implements MigrationInterface {
  name = 'CreateWebhooks1796081000284';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notifications"."webhook_attempts" ("delivery_id" bigint NOT NULL, "attempt" integer NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "response_status" integer, "latency_ms" integer NOT NULL, "succeeded" boolean NOT NULL, "error" text, "response_excerpt" text, CONSTRAINT "PK_5ec32a71f45112dcc2ef75373a6" PRIMARY KEY ("delivery_id", "attempt"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications"."webhook_deliveries" ("id" BIGSERIAL NOT NULL, "message_id" text NOT NULL, "endpoint_id" uuid NOT NULL, "ordering_key" text NOT NULL, "status" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "locked_until" TIMESTAMP WITH TIME ZONE, "first_attempt_at" TIMESTAMP WITH TIME ZONE, "last_attempt_at" TIMESTAMP WITH TIME ZONE, "last_response_status" integer, "last_latency_ms" integer, "last_error" text, "redelivery_of" bigint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_deliveries_message" ON "notifications"."webhook_deliveries"  ("message_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_deliveries_log" ON "notifications"."webhook_deliveries"  ("endpoint_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_deliveries_queue" ON "notifications"."webhook_deliveries"  ("endpoint_id", "ordering_key", "id") WHERE "status" = 'PENDING'`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_deliveries_due" ON "notifications"."webhook_deliveries"  ("next_attempt_at") WHERE "status" = 'PENDING'`,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications"."webhook_messages" ("id" text NOT NULL, "owner_party_id" uuid NOT NULL, "event_type" text NOT NULL, "ordering_key" text NOT NULL, "source_event_id" uuid, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_526e8e1655924920adc4cd30dcd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_messages_owner" ON "notifications"."webhook_messages"  ("owner_party_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "webhook_messages_source" ON "notifications"."webhook_messages"  ("source_event_id", "owner_party_id", "event_type") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications"."webhook_endpoints" ("id" uuid NOT NULL, "owner_party_id" uuid NOT NULL, "url" text NOT NULL, "description" text NOT NULL DEFAULT '', "event_types" text array NOT NULL, "enabled" boolean NOT NULL, "disabled_reason" text, "disabled_at" TIMESTAMP WITH TIME ZONE, "failing_since" TIMESTAMP WITH TIME ZONE, "failed_attempts" integer NOT NULL DEFAULT '0', "last_success_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_054c4cfb95223732f5939d2d546" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_endpoints_owner" ON "notifications"."webhook_endpoints"  ("owner_party_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications"."webhook_secrets" ("id" uuid NOT NULL, "endpoint_id" uuid NOT NULL, "secret" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_50b998e9fcc99aa3e0d8123c154" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_secrets_endpoint" ON "notifications"."webhook_secrets"  ("endpoint_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications"."mail_notices" ("id" uuid NOT NULL, "party_id" uuid NOT NULL, "kind" text NOT NULL, "params" jsonb NOT NULL, "source_event_id" uuid NOT NULL, "status" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_2a9f04a70b2001f31d1bd704563" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "mail_notices_due" ON "notifications"."mail_notices"  ("next_attempt_at") WHERE "status" = 'PENDING'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "mail_notices_source" ON "notifications"."mail_notices"  ("source_event_id", "party_id", "kind") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "notifications"."mail_notices_source"`);
    await queryRunner.query(`DROP INDEX "notifications"."mail_notices_due"`);
    await queryRunner.query(`DROP TABLE "notifications"."mail_notices"`);
    await queryRunner.query(`DROP INDEX "notifications"."webhook_secrets_endpoint"`);
    await queryRunner.query(`DROP TABLE "notifications"."webhook_secrets"`);
    await queryRunner.query(`DROP INDEX "notifications"."webhook_endpoints_owner"`);
    await queryRunner.query(`DROP TABLE "notifications"."webhook_endpoints"`);
    await queryRunner.query(`DROP INDEX "notifications"."webhook_messages_source"`);
    await queryRunner.query(`DROP INDEX "notifications"."webhook_messages_owner"`);
    await queryRunner.query(`DROP TABLE "notifications"."webhook_messages"`);
    await queryRunner.query(`DROP INDEX "notifications"."webhook_deliveries_due"`);
    await queryRunner.query(`DROP INDEX "notifications"."webhook_deliveries_queue"`);
    await queryRunner.query(`DROP INDEX "notifications"."webhook_deliveries_log"`);
    await queryRunner.query(`DROP INDEX "notifications"."webhook_deliveries_message"`);
    await queryRunner.query(`DROP TABLE "notifications"."webhook_deliveries"`);
    await queryRunner.query(`DROP TABLE "notifications"."webhook_attempts"`);
  }
}
