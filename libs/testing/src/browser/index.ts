export * from './chromium.js';
export * from './page-checks.js';
export * from './portal.js';
