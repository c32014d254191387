import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { quoteIdent } from './run-migrations.js';

export interface DatabaseServerSettings {
  DATABASE_URL: string | undefined;
  DATA_DIR: string;
  EMBEDDED_PG_PORT: number;
}

export interface DatabaseServer {
  /** URL of the database the services use. */
  url: string;
  /** Whether an embedded server was started by this process. */
  embedded: boolean;
  stop(): Promise<void>;
}

/** Name of the application database inside the embedded server. */
export const EMBEDDED_DATABASE = 'clearinghouse';

/**
 * The PostgreSQL server the system runs on: DATABASE_URL when set, otherwise an embedded
 * server in DATA_DIR/pg (initialised on first run, reused when already running).
 */
export async function openDatabaseServer(
  settings: DatabaseServerSettings,
  onLog?: (line: string) => void,
): Promise<DatabaseServer> {
  if (settings.DATABASE_URL) {
    return { url: settings.DATABASE_URL, embedded: false, stop: () => Promise.resolve() };
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.join(settings.DATA_DIR, 'pg'),
    port: settings.EMBEDDED_PG_PORT,
    onLog,
  });
  await ensureDatabase(server.adminUrl, EMBEDDED_DATABASE);
  return {
    url: withDatabase(server.adminUrl, EMBEDDED_DATABASE),
    embedded: server.owned,
    stop: () => server.stop(),
  };
}

/** Creates the database if it does not exist (safe when several processes race). */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      database,
    ]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoteIdent(database)}`).catch((error: unknown) => {
        const code = (error as { code?: string }).code;
        if (code !== '42P04' && code !== '23505') throw error; // created meanwhile by another process
      });
    }
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
