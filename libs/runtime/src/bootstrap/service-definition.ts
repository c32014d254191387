import type { DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import type { ServiceConfig } from '#libs/config';
import type { ServiceDatabase } from '#libs/database';

/** What a subgraph service needs to start: its configuration, database and logger. */
export interface ServiceContext<C extends ServiceConfig = ServiceConfig> {
  config: C;
  /** URL of the database holding the service's schema. */
  databaseUrl: string;
  logger: Logger;
  /** Receives Nest's own messages when several services share the process. */
  frameworkLogger?: Logger;
}

/** A subgraph service as the launchers (own process, standalone, tests) see it. */
export interface ServiceDefinition<C extends ServiceConfig = ServiceConfig> {
  name: string;
  configClass: new () => C;
  database: ServiceDatabase;
  module(context: ServiceContext<C>): DynamicModule;
}

/**
 * Declares a service: its configuration type is checked against its module here, and launchers
 * then hold services of different configurations in one list. A launcher always builds the
 * configuration from the service's own `configClass`.
 */
export function defineService<C extends ServiceConfig>(
  definition: ServiceDefinition<C>,
): ServiceDefinition {
  return definition;
}
