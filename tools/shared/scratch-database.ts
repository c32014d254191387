import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DatabaseConfig, loadConfig } from '#libs/config';
import { openDatabaseServer, quoteIdent, withDatabase } from '#libs/database';

export interface ScratchDatabase {
  url: string;
  dispose(): Promise<void>;
}

/**
 * A throw-away database on the configured server (DATABASE_URL, else the embedded one in
 * DATA_DIR), for tools that must migrate or boot a service without touching real data.
 */
export async function openScratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const server = await openDatabaseServer(loadConfig(DatabaseConfig));
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${quoteIdent(name)}`);
  return {
    url: withDatabase(server.url, name),
    dispose: async () => {
      try {
        await admin(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      } finally {
        await server.stop(); // even when the drop fails: never leave a server behind
      }
    },
  };
}
