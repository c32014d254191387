import type { Topic } from './topics.js';

/** One version of one event type: where it travels and the class validating its payload. */
export interface EventDefinition<P extends object = object> {
  type: string;
  version: number;
  topic: Topic;
  payload: new () => P;
}

export function defineEvent<P extends object>(definition: EventDefinition<P>): EventDefinition<P> {
  return Object.freeze(definition);
}

export type PayloadOf<D> = D extends EventDefinition<infer P> ? P : never;
