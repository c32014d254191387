import 'reflect-metadata';
import { EventCatalog } from './event-catalog.js';
import { ALL_EVENTS } from './events/index.js';

export * from './envelope.js';
export * from './event-catalog.js';
export * from './event-definition.js';
export * from './events/index.js';
export * from './topics.js';
export * from './validation.js';
export * from './values/index.js';

/** The catalog of every event the services exchange. */
export const eventCatalog = new EventCatalog(ALL_EVENTS);
export * from './identifiers/index.js';
export * from './text/normalize.js';
export * from './rules/opt-out-rule.js';
