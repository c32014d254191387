import { DataSource, type DataSourceOptions } from 'typeorm';
import { PinoTypeOrmLogger, type TypeOrmLogSink } from './typeorm-logger.js';
import { MIGRATIONS_TABLE, type ServiceDatabase } from './service-database.js';

export interface ConnectionSettings {
  url: string;
  poolSize: number;
  /** Shown in pg_stat_activity. */
  applicationName?: string;
  logger?: TypeOrmLogSink;
}

export function dataSourceOptions(
  database: ServiceDatabase,
  connection: ConnectionSettings,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: connection.url,
    schema: database.schema,
    entities: database.entities,
    migrations: database.migrations as DataSourceOptions['migrations'],
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    migrationsRun: false,
    synchronize: false,
    applicationName: connection.applicationName ?? database.service,
    poolSize: connection.poolSize,
    extra: { max: connection.poolSize },
    logger: connection.logger ? new PinoTypeOrmLogger(connection.logger) : undefined,
    logging: connection.logger ? ['error', 'warn', 'migration'] : false,
  };
}

export function createDataSource(
  database: ServiceDatabase,
  connection: ConnectionSettings,
): DataSource {
  return new DataSource(dataSourceOptions(database, connection));
}
