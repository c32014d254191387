export * from './test-database.js';
export * from './test-postgres.js';
