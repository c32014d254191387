import { Module } from '@nestjs/common';
import { PartiesModule } from '../parties/parties.module.js';
import { ImportWorksHandler } from './application/import/import-works.handler.js';
import { DisputeActionsQuery } from './application/dispute-actions.js';
import { ListDisputesHandler } from './application/list-disputes.handler.js';
import { AnswerDisputeHandler } from './application/answer-dispute.handler.js';
import { RegisterWorkHandler } from './application/register-work.handler.js';
import { RegisterWorksHandler } from './application/register-works.handler.js';
import { ResolveDisputeHandler } from './application/resolve-dispute.handler.js';
import { SearchWorksHandler } from './application/search-works.handler.js';
import { UpdateWorkSharesHandler } from './application/update-work-shares.handler.js';
import { UpdateWorkHandler } from './application/update-work.handler.js';
import { WithdrawDisputeHandler } from './application/withdraw-dispute.handler.js';
import { WorkLoader } from './application/work.loader.js';
import { WorkQueries } from './application/work.queries.js';
import { WorkMatchKeys } from './infrastructure/work-match-keys.js';
import { DisputesResolver } from './graphql/disputes.resolver.js';
import {
  DisputeOpenerResolver,
  WorkShareResolver,
  WorksResolver,
} from './graphql/works.resolver.js';

@Module({
  imports: [PartiesModule],
  providers: [
    WorkQueries,
    WorkMatchKeys,
    WorkLoader,
    RegisterWorkHandler,
    RegisterWorksHandler,
    UpdateWorkSharesHandler,
    UpdateWorkHandler,
    ResolveDisputeHandler,
    SearchWorksHandler,
    WithdrawDisputeHandler,
    AnswerDisputeHandler,
    ImportWorksHandler,
    ListDisputesHandler,
    DisputeActionsQuery,
    WorksResolver,
    DisputesResolver,
    WorkShareResolver,
    DisputeOpenerResolver,
  ],
  exports: [ImportWorksHandler],
})
export class WorksModule {}
