export * from './shape.js';
export * from './read-csv.js';
