import { Module } from '@nestjs/common';
import { PartiesModule } from '../parties/parties.module.js';
import { RegisterWorkHandler } from './application/register-work.handler.js';
import { UpdateWorkSharesHandler } from './application/update-work-shares.handler.js';
import { WorkQueries } from './application/work.queries.js';
import { WorkShareResolver, WorksResolver } from './graphql/works.resolver.js';

@Module({
  imports: [PartiesModule],
  providers: [
    WorkQueries,
    RegisterWorkHandler,
    UpdateWorkSharesHandler,
    WorksResolver,
    WorkShareResolver,
  ],
})
export class WorksModule {}
