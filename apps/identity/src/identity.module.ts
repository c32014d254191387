import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '#libs/config';
import { DatabaseModule } from '#libs/database';
import {
  DatabaseReadiness,
  HealthModule,
  LoggerModule,
  MetricsModule,
  ServiceMetrics,
  type ServiceContext,
} from '#libs/runtime';
import type { IdentityConfig } from './identity.config.js';
import { identityDatabase } from './identity.database.js';
import { OidcModule } from './oidc/oidc.module.js';

/**
 * The identity service: an OpenID Provider with its own schema. Not a GraphQL subgraph (yet):
 * configuration, logging, metrics, its database (migrated on start), health endpoints and the
 * provider under the issuer's path.
 */
@Module({})
export class IdentityModule {
  static forRoot(context: ServiceContext<IdentityConfig>): DynamicModule {
    const { config, databaseUrl, logger } = context;
    return {
      module: IdentityModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(logger),
        MetricsModule.forRoot(new ServiceMetrics(identityDatabase.service)),
        DatabaseModule.forService(identityDatabase, {
          url: databaseUrl,
          poolSize: config.DB_POOL_SIZE,
          logger: logger.child({ component: 'typeorm' }),
        }),
        HealthModule.forRoot([DatabaseReadiness]),
        OidcModule,
      ],
    };
  }
}
