import type { ServiceDatabase } from '#libs/database';
import { migrations } from './migrations/index.js';

export const optOutDatabase: ServiceDatabase = {
  service: 'opt-out',
  schema: 'opt_out',
  entities: [],
  migrations,
};
