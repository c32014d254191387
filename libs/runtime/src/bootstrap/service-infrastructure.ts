import type { DynamicModule, Type } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AuthModule } from '#libs/auth';
import { DataSource } from 'typeorm';
import { ConfigModule } from '#libs/config';
import type { Topic } from '#libs/contracts';
import { DatabaseModule, type ServiceDatabase } from '#libs/database';
import { MessagingModule, MessagingReadiness } from '#libs/messaging';
import { DatabaseReadiness } from '../health/database.readiness.js';
import { HealthModule } from '../health/health.module.js';
import type { ReadinessCheck } from '../health/readiness-check.js';
import { LoggerModule } from '../logging/logger.token.js';
import { ServiceMetrics } from '../metrics/metrics.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { ServiceInfoModule } from '../graphql/service-info.js';
import { SubgraphModule } from '../graphql/subgraph.module.js';
import { ApiExceptionFilter } from '../errors/api-exception.filter.js';
import { inputValidationPipe } from '../graphql/validation.pipe.js';
import '../graphql/enums.js';
import { queryLimits } from '../graphql/query-limits.js';
import { SqlPartyDirectory } from './party-directory.js';
import { releaseVersion } from './release.js';
import type { ServiceContext } from './service-definition.js';

export interface InfrastructureOptions {
  database: ServiceDatabase;
  /** Topics the service publishes to. */
  produces: Topic[];
  /** Name of the service's `Query` field reporting its status. */
  infoQuery: string;
  /** Readiness checks besides the database. */
  readiness?: Type<ReadinessCheck>[];
  orphanedTypes?: Type[];
  /**
   * The table of the service's schema (columns `id`, `kind`) where the parties that callers'
   * tokens name are looked up: the registry's own, or a service's read model of it.
   */
  partiesTable: string;
}

/**
 * The modules every subgraph service imports: configuration, logging, metrics, its database
 * (migrated on start), messaging (outbox, relay, consumers), health endpoints and the GraphQL
 * subgraph.
 */
export function serviceInfrastructure(
  context: ServiceContext,
  options: InfrastructureOptions,
): DynamicModule[] {
  const { config, databaseUrl, logger } = context;
  const { service, schema } = options.database;
  const metrics = new ServiceMetrics(service);
  return [
    ConfigModule.forRoot(config),
    AuthModule.forRoot(config, {
      useFactory: (dataSource: DataSource) =>
        new SqlPartyDirectory(dataSource, schema, options.partiesTable),
      inject: [DataSource],
    }),
    LoggerModule.forRoot(logger),
    MetricsModule.forRoot(metrics),
    DatabaseModule.forService(options.database, {
      url: databaseUrl,
      poolSize: config.DB_POOL_SIZE,
      logger: logger.child({ component: 'typeorm' }),
    }),
    MessagingModule.forService({
      service,
      schema,
      produces: options.produces,
      config,
      databaseUrl,
      logger,
      registry: metrics.registry,
    }),
    HealthModule.forRoot([DatabaseReadiness, MessagingReadiness, ...(options.readiness ?? [])]),
    SubgraphModule.forRoot({
      production: !config.isDevelopment,
      orphanedTypes: options.orphanedTypes,
      logger: logger.child({ component: 'graphql' }),
      limits: queryLimits(config),
    }),
    ServiceInfoModule.forRoot(options.infoQuery, releaseVersion()),
    {
      module: class InputValidationModule {},
      providers: [
        { provide: APP_PIPE, useValue: inputValidationPipe },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
    },
  ];
}
