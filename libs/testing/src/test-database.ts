import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import {
  createDataSource,
  quoteIdent,
  runServiceMigrations,
  withDatabase,
  type ServiceDatabase,
} from '#libs/database';
import { TEST_ADMIN_URL_VARIABLE } from './test-postgres.js';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test suite, with the given services' migrations applied. The
 * migrations run once per run into a template database; each suite gets a clone of it
 * (`CREATE DATABASE ... TEMPLATE`), so suites never see each other's rows.
 */
export async function createTestDatabase(services: ServiceDatabase[] = []): Promise<TestDatabase> {
  const adminUrl = testAdminUrl();
  const template = await ensureTemplate(adminUrl, services);
  const name = `test_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (client) =>
    client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`),
  );
  return {
    name,
    url: withDatabase(adminUrl, name),
    drop: () =>
      withAdmin(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
      ).then(() => undefined),
  };
}

export function testAdminUrl(): string {
  const url = process.env[TEST_ADMIN_URL_VARIABLE];
  if (!url) {
    throw new Error(
      `${TEST_ADMIN_URL_VARIABLE} is not set: run tests through "npm test", whose global setup starts PostgreSQL.`,
    );
  }
  return url;
}

/** The migrated template for this set of services (built once, by whichever suite comes first). */
async function ensureTemplate(adminUrl: string, services: ServiceDatabase[]): Promise<string> {
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify(
        services.map((s) => [s.schema, s.migrations.map((migration) => migration.name)]),
      ),
    )
    .digest('hex')
    .slice(0, 16);
  const template = `test_template_${fingerprint}`;
  await withAdmin(adminUrl, async (client) => {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
        template,
      ]);
      if (rowCount) return;
      const building = `${template}_building`;
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(building)} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${quoteIdent(building)}`);
      for (const service of services) {
        const dataSource = await createDataSource(service, {
          url: withDatabase(adminUrl, building),
          poolSize: 2,
        }).initialize();
        try {
          await runServiceMigrations(dataSource, service.schema);
        } finally {
          await dataSource.destroy();
        }
      }
      await client.query(
        `ALTER DATABASE ${quoteIdent(building)} RENAME TO ${quoteIdent(template)}`,
      );
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [template]);
    }
  });
  return template;
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
