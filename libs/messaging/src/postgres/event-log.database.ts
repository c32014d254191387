import { createDataSource, runServiceMigrations, type ServiceDatabase } from '#libs/database';
import { CreateEventLog1764000000000 } from './migrations/1764000000000-CreateEventLog.js';

/** The `eventlog` schema: owned by libs/messaging, not by any service. */
export const eventLogDatabase: ServiceDatabase = {
  service: 'eventlog',
  schema: 'eventlog',
  entities: [],
  migrations: [CreateEventLog1764000000000],
};

/** Creates or upgrades the event log schema (safe from several processes at once). */
export async function migrateEventLog(databaseUrl: string): Promise<void> {
  const dataSource = await createDataSource(eventLogDatabase, {
    url: databaseUrl,
    poolSize: 2,
  }).initialize();
  try {
    await runServiceMigrations(dataSource, eventLogDatabase.schema);
  } finally {
    await dataSource.destroy();
  }
}
