import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { GATEWAY_CREDENTIAL_HEADER, Tokens, type Caller } from '#libs/auth';
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
  /**
   * Runs a GraphQL operation against the service, as `caller`; anonymous when omitted, as the
   * gateway forwards anonymous requests (with its credential).
   */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: Caller | null,
  ): Promise<GraphQLResult<T>>;
  /** Runs a GraphQL operation with exactly these headers (besides the content type). */
  graphqlWithHeaders<T = Record<string, unknown>>(
    query: string,
    headers: Record<string, string>,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResult<T>>;
  /** The headers the gateway adds to what it forwards. */
  gatewayHeaders: Record<string, string>;
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
  const secret = env.AUTH_JWT_SECRET ?? randomBytes(32).toString('hex');
  const subgraphSecret = randomBytes(32).toString('hex');
  const config = loadConfig(definition.configClass, {
    LOG_LEVEL: 'silent',
    AUTH_JWT_SECRET: secret,
    SUBGRAPH_SECRET: subgraphSecret,
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
  const gatewayHeaders = { [GATEWAY_CREDENTIAL_HEADER]: subgraphSecret };
  const graphqlWithHeaders = async <T>(
    query: string,
    headers: Record<string, string>,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResult<T>> => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...headers },
      payload: { query, variables },
    });
    return response.json();
  };
  return {
    app,
    database,
    gatewayHeaders,
    tokenFor: (caller) => tokens.issue(caller, 600),
    graphqlWithHeaders,
    async graphql(query, variables, caller) {
      const headers: Record<string, string> = caller
        ? { authorization: `Bearer ${await tokens.issue(caller, 600)}` }
        : gatewayHeaders;
      return graphqlWithHeaders(query, headers, variables);
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
