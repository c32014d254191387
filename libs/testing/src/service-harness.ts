import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Tokens, type Caller } from '#libs/auth';
import { loadConfig } from '#libs/config';
import { createHttpApp, createLogger, type ServiceDefinition } from '#libs/runtime';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

export interface TestService {
  app: NestFastifyApplication;
  database: TestDatabase;
  /** A bearer token for a caller. */
  tokenFor(caller: Caller): Promise<string>;
  /** Runs a GraphQL operation against the service, as `caller` (anonymous when omitted). */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: Caller | null,
  ): Promise<GraphQLResult<T>>;
  close(): Promise<void>;
}

/**
 * One service on a fresh database (its migrations applied by its own start-up), served
 * in-process without a port, with tokens signed by a secret of this test.
 */
export async function startTestService(
  definition: ServiceDefinition,
  env: Record<string, string> = {},
): Promise<TestService> {
  const database = await createTestDatabase();
  const secret = randomBytes(32).toString('hex');
  const config = loadConfig(definition.configClass, {
    LOG_LEVEL: 'silent',
    AUTH_JWT_SECRET: secret,
    EVENT_POLL_INTERVAL_MS: '200',
    DB_POOL_SIZE: '4',
    ...env,
  });
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  const app = await createHttpApp(
    definition.module({ config, databaseUrl: database.url, logger }),
    { config, logger },
  );
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const tokens = new Tokens(secret);
  return {
    app,
    database,
    tokenFor: (caller) => tokens.issue(caller, 600),
    async graphql(query, variables, caller) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (caller) headers.authorization = `Bearer ${await tokens.issue(caller, 600)}`;
      const response = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers,
        payload: { query, variables },
      });
      return response.json();
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
