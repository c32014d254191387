import { RoyaltyDistributionConfig } from '#libs/config';
import type { ServiceDefinition } from '#libs/runtime';
import { royaltyDistributionDatabase } from './royalty-distribution.database.js';
import { RoyaltyDistributionModule } from './royalty-distribution.module.js';

export const royaltyDistributionApp: ServiceDefinition<RoyaltyDistributionConfig> = {
  name: 'royalty-distribution',
  configClass: RoyaltyDistributionConfig,
  database: royaltyDistributionDatabase,
  module: (context) => RoyaltyDistributionModule.forRoot(context),
};
