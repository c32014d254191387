export * from './test-database.js';
export * from './test-postgres.js';
export * from './service-harness.js';
export * from './webhook-receiver.js';
