import { startTestPostgres, TEST_ADMIN_URL_VARIABLE, type TestPostgres } from './test-postgres.js';

declare global {
  var clearinghouseTestPostgres: TestPostgres | undefined;
}

/** Starts the run's PostgreSQL once; workers inherit its URL through the environment. */
export default async function globalSetup(): Promise<void> {
  const server = await startTestPostgres();
  globalThis.clearinghouseTestPostgres = server;
  process.env[TEST_ADMIN_URL_VARIABLE] = server.adminUrl;
}
