export * from './create-data-source.js';
export * from './database-server.js';
export * from './database.module.js';
export * from './embedded-postgres.js';
export * from './generate-migration.js';
export * from './run-migrations.js';
export * from './service-database.js';
export * from './typeorm-logger.js';
