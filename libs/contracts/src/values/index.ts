export * from './enums.js';
export * from './money.js';
