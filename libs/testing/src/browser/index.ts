export * from './chromium.js';
export * from './page-checks.js';
