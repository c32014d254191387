export * from './auth.module.js';
export * from './caller.guard.js';
export * from './caller.js';
export * from './decorators.js';
export * from './graphql-errors.js';
export * from './token-secret.js';
export * from './tokens.js';
export * from './http-caller.js';
