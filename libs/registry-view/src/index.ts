export * from './projection.js';
export * from './reader.js';
export * from './tables.js';
export * from './registry-view.module.js';
