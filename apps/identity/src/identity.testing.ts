import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { loadConfig } from '#libs/config';
import { freePort } from '#libs/database';
import { createLogger, startService } from '#libs/runtime';
import { identityApp } from './identity.app.js';
import { IdentityConfig } from './identity.config.js';
import { OidcProviderHost } from './oidc/infrastructure/oidc-provider.host.js';

export interface RunningIdentity {
  app: NestFastifyApplication;
  issuer: string;
  host: OidcProviderHost;
  dataSource: DataSource;
}

/**
 * The identity service for tests: on a real port (OpenID clients speak HTTP to the issuer
 * they discovered), on the given database and data folder.
 */
export async function startIdentityForTest(
  databaseUrl: string,
  dataDir: string,
  env: Record<string, string> = {},
  logger?: Logger,
): Promise<RunningIdentity> {
  const port = await freePort();
  const config = loadConfig(IdentityConfig, {
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    IDENTITY_PORT: String(port),
    DB_POOL_SIZE: '4',
    ...env,
  });
  const app = await startService(identityApp, {
    config,
    databaseUrl,
    logger: logger ?? createLogger('identity', config.LOG_LEVEL),
  });
  return {
    app,
    issuer: config.issuer,
    host: app.get(OidcProviderHost),
    dataSource: app.get(DataSource),
  };
}
