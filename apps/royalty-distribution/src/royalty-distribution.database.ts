import type { ServiceDatabase } from '#libs/database';
import { migrations } from './migrations/index.js';

export const royaltyDistributionDatabase: ServiceDatabase = {
  service: 'royalty-distribution',
  schema: 'royalty_distribution',
  entities: [],
  migrations,
};
