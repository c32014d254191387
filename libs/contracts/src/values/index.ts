export * from './enums.js';
export * from './money.js';
export * from './coded-error.js';
