import { Module } from '@nestjs/common';
import {
  ChangeMembershipHandler,
  UpdatePartyHandler,
} from './application/change-party.handlers.js';
import {
  AcceptMembershipHandler,
  DeclineMembershipHandler,
  MembershipOfferQueries,
} from './application/membership-offers.js';
import { PartyLoader } from './application/party.loader.js';
import { PartyQueries } from './application/party.queries.js';
import { RegisterPartyHandler } from './application/register-party.handler.js';
import { MembershipOffersResolver } from './graphql/membership-offers.resolver.js';
import { PartiesResolver } from './graphql/parties.resolver.js';

@Module({
  providers: [
    PartyQueries,
    PartyLoader,
    RegisterPartyHandler,
    ChangeMembershipHandler,
    UpdatePartyHandler,
    MembershipOfferQueries,
    AcceptMembershipHandler,
    DeclineMembershipHandler,
    PartiesResolver,
    MembershipOffersResolver,
  ],
  exports: [PartyQueries, PartyLoader],
})
export class PartiesModule {}
