import { type DynamicModule, Module } from '@nestjs/common';
import type { OptOutConfig } from '#libs/config';
import { Topics } from '#libs/contracts';
import { serviceInfrastructure, type ServiceContext } from '#libs/runtime';
import { optOutDatabase } from './opt-out.database.js';
import { OptOutsModule } from './opt-outs/opt-outs.module.js';

/** Opt-outs, their withdrawals and the public opt-out register. */
@Module({})
export class OptOutModule {
  static forRoot(context: ServiceContext<OptOutConfig>): DynamicModule {
    return {
      module: OptOutModule,
      imports: [
        ...serviceInfrastructure(context, {
          database: optOutDatabase,
          produces: [Topics.optOut],
          infoQuery: 'optOutInfo',
          partiesTable: 'rv_parties',
        }),
        OptOutsModule,
      ],
    };
  }
}
