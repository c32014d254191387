import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, startEmbeddedPostgres } from '#libs/database';

export { freePort };

/** Environment variable through which the test run's server reaches every test worker. */
export const TEST_ADMIN_URL_VARIABLE = 'CLEARINGHOUSE_TEST_ADMIN_URL';

export interface TestPostgres {
  adminUrl: string;
  stop(): Promise<void>;
}

/**
 * The PostgreSQL server of one test run: `DATABASE_URL` when set (its database name must say
 * "test": suites create and drop databases there), otherwise a throw-away embedded server.
 */
export async function startTestPostgres(env = process.env): Promise<TestPostgres> {
  if (env.DATABASE_URL) {
    const name = new URL(env.DATABASE_URL).pathname.slice(1);
    if (!/test/i.test(name)) {
      throw new Error(
        `Refusing to run tests against database "${name}": tests create and drop databases; use a DATABASE_URL whose database name contains "test".`,
      );
    }
    return { adminUrl: env.DATABASE_URL, stop: () => Promise.resolve() };
  }
  const root = await mkdtemp(path.join(tmpdir(), 'clearinghouse-test-'));
  const log: string[] = [];
  const server = await startEmbeddedPostgres({
    dataDir: path.join(root, 'pg'),
    port: await freePort(),
    onLog: (line) => log.push(line),
  });
  return {
    adminUrl: server.adminUrl,
    stop: async () => {
      await server.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
