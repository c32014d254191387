import { Module } from '@nestjs/common';
import { PartyLoader } from './application/party.loader.js';
import { PartyQueries } from './application/party.queries.js';
import { RegisterPartyHandler } from './application/register-party.handler.js';
import { PartiesResolver } from './graphql/parties.resolver.js';

@Module({
  providers: [PartyQueries, PartyLoader, RegisterPartyHandler, PartiesResolver],
  exports: [PartyQueries, PartyLoader],
})
export class PartiesModule {}
