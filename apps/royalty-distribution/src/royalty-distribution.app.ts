import { RoyaltyDistributionConfig } from '#libs/config';
import { defineService } from '#libs/runtime';
import { royaltyDistributionDatabase } from './royalty-distribution.database.js';
import { RoyaltyDistributionModule } from './royalty-distribution.module.js';

export const royaltyDistributionApp = defineService<RoyaltyDistributionConfig>({
  name: 'royalty-distribution',
  configClass: RoyaltyDistributionConfig,
  database: royaltyDistributionDatabase,
  module: (context) => RoyaltyDistributionModule.forRoot(context),
});
