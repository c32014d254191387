import type { MixedList, EntitySchema } from 'typeorm';

type Constructor = abstract new (...args: never[]) => unknown;

/** What a service declares about its persistence: its schema, entities and migrations. */
export interface ServiceDatabase {
  /** Service name, e.g. `rights-registry`. */
  service: string;
  /** PostgreSQL schema the service owns, e.g. `rights_registry`. */
  schema: string;
  entities: MixedList<Constructor | EntitySchema>;
  /** Migration classes in the order they apply. */
  migrations: Constructor[];
}

/** Table, in the service schema, that records applied migrations. */
export const MIGRATIONS_TABLE = 'migrations';
