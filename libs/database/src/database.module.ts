import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource, type ConnectionSettings } from './create-data-source.js';
import { runServiceMigrations } from './run-migrations.js';
import type { ServiceDatabase } from './service-database.js';

export const SERVICE_DATABASE = Symbol('SERVICE_DATABASE');

/**
 * The service's TypeORM DataSource on its own schema, injectable as `DataSource`. Pending
 * migrations are applied before the application starts; the schema is never synchronised.
 * Each application gets its own instance, so several services can share one process.
 */
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  static forService(database: ServiceDatabase, connection: ConnectionSettings): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [
        { provide: SERVICE_DATABASE, useValue: database },
        {
          provide: DataSource,
          useFactory: async () => {
            const dataSource = await createDataSource(database, connection).initialize();
            try {
              await runServiceMigrations(dataSource, database.schema);
            } catch (error) {
              await dataSource.destroy();
              throw error;
            }
            return dataSource;
          },
        },
      ],
      exports: [DataSource, SERVICE_DATABASE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
