import type { QueryRunner } from 'typeorm';
import { quoteIdent } from '#libs/database';
import { MatchKeyTable } from '#libs/matching';

/**
 * The registry view's tables in a consuming service's schema, created by that service's
 * migrations. `titleSearch` adds trigram indexes on normalized titles (services that match
 * works by title).
 */
export async function createRegistryViewTables(
  queryRunner: QueryRunner,
  schema: string,
  { titleSearch = false }: { titleSearch?: boolean } = {},
): Promise<void> {
  const s = quoteIdent(schema);
  await queryRunner.query(`
    CREATE TABLE ${s}."rv_works" (
      "id" uuid PRIMARY KEY,
      "title" text NOT NULL,
      "normalized_title" text NOT NULL,
      "category" text NOT NULL,
      "creator_names" text[] NOT NULL DEFAULT '{}',
      "normalized_creators" text NOT NULL DEFAULT ''
    )`);
  await queryRunner.query(`CREATE INDEX "rv_works_category" ON ${s}."rv_works" ("category")`);
  await queryRunner.query(`
    CREATE TABLE ${s}."rv_work_identifiers" (
      "scheme" text NOT NULL,
      "value" text NOT NULL,
      "work_id" uuid NOT NULL,
      PRIMARY KEY ("scheme", "value")
    )`);
  await queryRunner.query(`
    CREATE INDEX "rv_work_identifiers_work" ON ${s}."rv_work_identifiers" ("work_id")`);
  // A version of a work's shares: complete, in force from effective_from until the next.
  await queryRunner.query(`
    CREATE TABLE ${s}."rv_share_versions" (
      "work_id" uuid NOT NULL,
      "effective_from" timestamptz NOT NULL,
      PRIMARY KEY ("work_id", "effective_from")
    )`);
  await queryRunner.query(`
    CREATE TABLE ${s}."rv_shares" (
      "work_id" uuid NOT NULL,
      "effective_from" timestamptz NOT NULL,
      "holder_id" uuid NOT NULL,
      "right_type" text NOT NULL,
      "share_bps" integer NOT NULL,
      PRIMARY KEY ("work_id", "effective_from", "holder_id", "right_type")
    )`);
  await queryRunner.query(`CREATE INDEX "rv_shares_holder" ON ${s}."rv_shares" ("holder_id")`);
  await queryRunner.query(`
    CREATE TABLE ${s}."rv_parties" (
      "id" uuid PRIMARY KEY,
      "kind" text NOT NULL,
      "name" text NOT NULL
    )`);
  // Memberships over [member_from, member_to).
  await queryRunner.query(`
    CREATE TABLE ${s}."rv_memberships" (
      "party_id" uuid NOT NULL,
      "society_id" uuid NOT NULL,
      "member_from" date NOT NULL,
      "member_to" date,
      PRIMARY KEY ("party_id", "society_id", "member_from")
    )`);
  await queryRunner.query(`
    CREATE TABLE ${s}."rv_disputes" (
      "id" uuid PRIMARY KEY,
      "work_id" uuid NOT NULL,
      "opened_at" timestamptz NOT NULL,
      "resolved_at" timestamptz
    )`);
  await queryRunner.query(`
    CREATE INDEX "rv_disputes_open" ON ${s}."rv_disputes" ("work_id") WHERE "resolved_at" IS NULL`);
  if (titleSearch) {
    // Services may create the extension concurrently: serialise on a database-wide lock.
    await queryRunner.query(`SELECT pg_advisory_xact_lock(hashtext('create extension pg_trgm'))`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`);
    await queryRunner.query(`
      CREATE INDEX "rv_works_normalized_title_trgm" ON ${s}."rv_works"
      USING gin ("normalized_title" public.gin_trgm_ops)`);
  }
}

export async function dropRegistryViewTables(
  queryRunner: QueryRunner,
  schema: string,
): Promise<void> {
  const s = quoteIdent(schema);
  for (const table of [
    'rv_disputes',
    'rv_memberships',
    'rv_parties',
    'rv_shares',
    'rv_share_versions',
    'rv_work_identifiers',
    'rv_works',
  ]) {
    await queryRunner.query(`DROP TABLE ${s}."${table}"`);
  }
}

/** The match keys of the view's works (titles and creators), read by the one matcher. */
export const registryViewMatchKeys = (schema: string): MatchKeyTable =>
  new MatchKeyTable(schema, 'rv_match_keys');

/**
 * Adds the match keys table to a registry view kept for title search, with the keys of the
 * works already in the view (main titles and creators: alternative titles arrive with the
 * works' next events).
 */
export async function createRegistryViewMatchKeys(
  queryRunner: QueryRunner,
  schema: string,
): Promise<void> {
  const s = quoteIdent(schema);
  await queryRunner.query(`SELECT pg_advisory_xact_lock(hashtext('create extension pg_trgm'))`);
  await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`);
  const table = registryViewMatchKeys(schema);
  await table.create(queryRunner, 'rv_match_keys');
  const works = (await queryRunner.query(
    `SELECT "id", "title", "category", "creator_names" FROM ${s}."rv_works" ORDER BY "id"`,
  )) as { id: string; title: string; category: string; creator_names: string[] }[];
  for (let start = 0; start < works.length; start += 1000) {
    await table.replace(
      queryRunner,
      works.slice(start, start + 1000).map((work) => ({
        workId: work.id,
        category: work.category,
        titles: [work.title],
        creators: work.creator_names,
      })),
    );
  }
}

export async function dropRegistryViewMatchKeys(
  queryRunner: QueryRunner,
  schema: string,
): Promise<void> {
  await registryViewMatchKeys(schema).drop(queryRunner);
}
