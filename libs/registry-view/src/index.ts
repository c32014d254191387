export * from './projection.js';
export * from './reader.js';
export * from './tables.js';
