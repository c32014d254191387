import type { QueryRunner } from 'typeorm';

/**
 * The outbox and inbox tables of one service schema, created by that service's migrations
 * (`await createMessagingTables(queryRunner, 'opt_out')`).
 */
export async function createMessagingTables(
  queryRunner: QueryRunner,
  schema: string,
): Promise<void> {
  const s = `"${schema}"`;
  await queryRunner.query(`
    CREATE TABLE ${s}."outbox" (
      "id" bigserial PRIMARY KEY,
      "event_id" uuid NOT NULL UNIQUE,
      "topic" text NOT NULL,
      "aggregate_id" text NOT NULL,
      "lane" smallint NOT NULL,
      "envelope" jsonb NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now()
    )`);
  // Rows wait here until the relay publishes them, then are deleted.
  await queryRunner.query(`CREATE INDEX "outbox_lane" ON ${s}."outbox" ("lane", "id")`);
  await queryRunner.query(`
    CREATE TABLE ${s}."inbox" (
      "consumer" text NOT NULL,
      "event_id" uuid NOT NULL,
      "topic" text NOT NULL,
      "partition" integer NOT NULL,
      "offset" bigint NOT NULL,
      "handled_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("consumer", "event_id")
    )`);
}

export async function dropMessagingTables(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`DROP TABLE "${schema}"."inbox"`);
  await queryRunner.query(`DROP TABLE "${schema}"."outbox"`);
}
