import type { DynamicModule, Type } from '@nestjs/common';
import { ConfigModule } from '#libs/config';
import { DatabaseModule, type ServiceDatabase } from '#libs/database';
import { DatabaseReadiness } from '../health/database.readiness.js';
import { HealthModule } from '../health/health.module.js';
import type { ReadinessCheck } from '../health/readiness-check.js';
import { LoggerModule } from '../logging/logger.token.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { ServiceInfoModule } from '../graphql/service-info.js';
import { SubgraphModule } from '../graphql/subgraph.module.js';
import { releaseVersion } from './release.js';
import type { ServiceContext } from './service-definition.js';

export interface InfrastructureOptions {
  database: ServiceDatabase;
  /** Name of the service's `Query` field reporting its status. */
  infoQuery: string;
  /** Readiness checks besides the database. */
  readiness?: Type<ReadinessCheck>[];
  orphanedTypes?: Type[];
}

/**
 * The modules every subgraph service imports: configuration, logging, metrics, its database
 * (migrated on start), health endpoints and the GraphQL subgraph.
 */
export function serviceInfrastructure(
  context: ServiceContext,
  options: InfrastructureOptions,
): DynamicModule[] {
  const { config, databaseUrl, logger } = context;
  return [
    ConfigModule.forRoot(config),
    LoggerModule.forRoot(logger),
    MetricsModule.forRoot(options.database.service),
    DatabaseModule.forService(options.database, {
      url: databaseUrl,
      poolSize: config.DB_POOL_SIZE,
      logger: logger.child({ component: 'typeorm' }),
    }),
    HealthModule.forRoot([DatabaseReadiness, ...(options.readiness ?? [])]),
    SubgraphModule.forRoot({
      production: config.isProduction,
      orphanedTypes: options.orphanedTypes,
      logger: logger.child({ component: 'graphql' }),
    }),
    ServiceInfoModule.forRoot(options.infoQuery, releaseVersion()),
  ];
}
