import { Module } from '@nestjs/common';
import { OptOutViewReader } from '../opt-out-view/application/opt-out-view.reader.js';
import { SchemesModule } from '../schemes/schemes.module.js';
import { ItemDecider } from './application/item-decider.js';
import { LicenseRevoker } from './application/license-revoker.js';
import { LicensingQueries } from './application/licensing.queries.js';
import { OptOutEvents } from './application/opt-out-events.js';
import { PendingRedecider } from './application/pending-redecider.js';
import { RequestUseHandler } from './application/request-use.handler.js';
import { LicensingResolver } from './graphql/licensing.resolver.js';

@Module({
  imports: [SchemesModule],
  providers: [
    OptOutViewReader,
    LicenseRevoker,
    OptOutEvents,
    ItemDecider,
    RequestUseHandler,
    PendingRedecider,
    LicensingQueries,
    LicensingResolver,
  ],
})
export class LicensingModule {}
