import type { ServiceDatabase } from '#libs/database';
import { migrations } from './migrations/index.js';

export const rightsRegistryDatabase: ServiceDatabase = {
  service: 'rights-registry',
  schema: 'rights_registry',
  entities: [],
  migrations,
};
