import type { ServiceDatabase } from '#libs/database';
import { migrations } from './migrations/index.js';

export const authorizationDatabase: ServiceDatabase = {
  service: 'authorization',
  schema: 'authorization',
  entities: [],
  migrations,
};
