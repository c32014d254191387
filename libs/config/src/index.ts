export * from './base.config.js';
export * from './config-validation.error.js';
export * from './load-config.js';
export * from './secret.js';
export * from './service.config.js';
export * from './standalone.config.js';
export * from './validators.js';
export * from './config.module.js';
