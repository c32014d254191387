import { Module } from '@nestjs/common';
import { PartyQueries } from './application/party.queries.js';
import { RegisterPartyHandler } from './application/register-party.handler.js';
import { PartiesResolver } from './graphql/parties.resolver.js';

@Module({
  providers: [PartyQueries, RegisterPartyHandler, PartiesResolver],
  exports: [PartyQueries],
})
export class PartiesModule {}
