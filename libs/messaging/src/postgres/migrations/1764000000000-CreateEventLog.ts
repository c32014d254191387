import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEventLog1764000000000 implements MigrationInterface {
  name = 'CreateEventLog1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "eventlog"."topics" (
        "name" text PRIMARY KEY,
        "partitions" integer NOT NULL CHECK ("partitions" BETWEEN 1 AND 1024),
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE "eventlog"."partitions" (
        "topic" text NOT NULL REFERENCES "eventlog"."topics" ("name") ON DELETE CASCADE,
        "partition" integer NOT NULL,
        "next_offset" bigint NOT NULL DEFAULT 0,
        PRIMARY KEY ("topic", "partition")
      )`);
    await queryRunner.query(`
      CREATE TABLE "eventlog"."events" (
        "topic" text NOT NULL,
        "partition" integer NOT NULL,
        "offset" bigint NOT NULL,
        "key" text NOT NULL,
        "value" jsonb NOT NULL,
        "headers" jsonb NOT NULL DEFAULT '{}',
        "appended_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("topic", "partition", "offset")
      )`);
    // No foreign key to partitions: appends reserve their offsets on the partition row first,
    // and a per-row check would slow every append. Retention scans by age: BRIN suits an
    // append-only table in time order and costs next to nothing to maintain.
    await queryRunner.query(
      `CREATE INDEX "events_appended_at" ON "eventlog"."events" USING brin ("appended_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "eventlog"."consumer_offsets" (
        "group_id" text NOT NULL,
        "topic" text NOT NULL,
        "partition" integer NOT NULL,
        "next_offset" bigint NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("group_id", "topic", "partition")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "eventlog"."consumer_offsets"`);
    await queryRunner.query(`DROP TABLE "eventlog"."events"`);
    await queryRunner.query(`DROP TABLE "eventlog"."partitions"`);
    await queryRunner.query(`DROP TABLE "eventlog"."topics"`);
  }
}
