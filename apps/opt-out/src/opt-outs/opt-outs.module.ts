import { Module } from '@nestjs/common';
import { RegistryViewModule } from '#libs/registry-view';
import { HolderSocietiesLoader, WorkOptOutsLoader } from './application/opt-out.loader.js';
import { OptOutQueries } from './application/opt-out.queries.js';
import { RegisterOptOutHandler } from './application/register-opt-out.handler.js';
import { WithdrawOptOutHandler } from './application/withdraw-opt-out.handler.js';
import { OptOutsResolver, WorkOptOutsResolver } from './graphql/opt-outs.resolver.js';

@Module({
  imports: [
    RegistryViewModule.forService({ schema: 'opt_out', consumer: 'opt-out.registry-view' }),
  ],
  providers: [
    OptOutQueries,
    WorkOptOutsLoader,
    HolderSocietiesLoader,
    RegisterOptOutHandler,
    WithdrawOptOutHandler,
    OptOutsResolver,
    WorkOptOutsResolver,
  ],
})
export class OptOutsModule {}
