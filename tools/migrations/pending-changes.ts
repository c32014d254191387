import {
  createDataSource,
  diffSchema,
  runServiceMigrations,
  type SchemaDiff,
} from '#libs/database';
import type { ServiceDefinition } from '#libs/runtime';

/** What `migration:generate` would write for a service: its entities against its migrations. */
export async function pendingChanges(
  definition: ServiceDefinition,
  databaseUrl: string,
): Promise<SchemaDiff> {
  const dataSource = await createDataSource(definition.database, {
    url: databaseUrl,
    poolSize: 2,
  }).initialize();
  try {
    await runServiceMigrations(dataSource, definition.database.schema);
    return await diffSchema(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
