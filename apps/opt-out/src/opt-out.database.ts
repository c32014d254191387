import type { ServiceDatabase } from '#libs/database';
import { migrations } from './migrations/index.js';
import { OptOutEntity } from './opt-outs/infrastructure/opt-out.entity.js';

export const optOutDatabase: ServiceDatabase = {
  service: 'opt-out',
  schema: 'opt_out',
  entities: [OptOutEntity],
  migrations,
};
