import { type DynamicModule, Module } from '@nestjs/common';
import type { RoyaltyDistributionConfig } from '#libs/config';
import { Topics } from '#libs/contracts';
import { serviceInfrastructure, type ServiceContext } from '#libs/runtime';
import { BatchesModule } from './batches/batches.module.js';
import { ReservesModule } from './reserves/reserves.module.js';
import { royaltyDistributionDatabase } from './royalty-distribution.database.js';
import { UsageModule } from './usage/usage.module.js';
import { ViewsModule } from './views/views.module.js';

/** Usage reports, distribution batches, statements, reserves and claims. */
@Module({})
export class RoyaltyDistributionModule {
  static forRoot(context: ServiceContext<RoyaltyDistributionConfig>): DynamicModule {
    return {
      module: RoyaltyDistributionModule,
      imports: [
        ...serviceInfrastructure(context, {
          database: royaltyDistributionDatabase,
          produces: [Topics.distributionBatch, Topics.distributionUsageReport],
          infoQuery: 'royaltyDistributionInfo',
          partiesTable: 'rv_parties',
        }),
        ViewsModule,
        UsageModule,
        BatchesModule,
        ReservesModule,
      ],
    };
  }
}
