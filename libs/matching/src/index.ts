export * from './analyzer.js';
export * from './keys.js';
export * from './score.js';
export * from './sql.js';
export * from './surface.js';
export * from './trigram.js';
