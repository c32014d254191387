import type { DataSource } from 'typeorm';

/**
 * Applies a service's pending migrations, each in its own transaction. Creates the service
 * schema first (the migrations table lives in it) and holds an advisory lock so that replicas
 * starting together apply them once. Returns the names of the migrations applied now.
 */
export async function runServiceMigrations(
  dataSource: DataSource,
  schema: string,
): Promise<string[]> {
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  const lockKey = `migrations:${schema}`;
  try {
    await lockRunner.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    await lockRunner.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await lockRunner
      .query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey])
      .catch(() => undefined);
    await lockRunner.release();
  }
}

/** Names of the migrations recorded as applied, oldest first. */
export async function appliedMigrations(dataSource: DataSource, schema: string): Promise<string[]> {
  const rows = await dataSource.query<{ name: string }[]>(
    `SELECT name FROM ${quoteIdent(schema)}.migrations ORDER BY id`,
  );
  return rows.map((row) => row.name);
}

export function quoteIdent(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
