import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { CurrentCaller, Roles, type Caller } from '#libs/auth';
import { Role } from '#libs/contracts';
import {
  AcceptMembershipHandler,
  DeclineMembershipHandler,
  MembershipOfferQueries,
  type MembershipOfferView,
} from '../application/membership-offers.js';
import { PartyLoader } from '../application/party.loader.js';
import { MembershipOfferStatus } from '../infrastructure/party.entities.js';
import { MembershipOffer } from './membership-offer.type.js';
import { mapPartyErrors } from './party-errors.js';
import { Party } from './party.type.js';

@Resolver(() => MembershipOffer)
export class MembershipOffersResolver {
  constructor(
    private readonly offers: MembershipOfferQueries,
    private readonly acceptHandler: AcceptMembershipHandler,
    private readonly declineHandler: DeclineMembershipHandler,
    private readonly loader: PartyLoader,
  ) {}

  @Query(() => [MembershipOffer], {
    description:
      'Membership offers: to the calling right holder, by the calling society, or all (operator); most recent first, at most 200.',
  })
  @Roles(Role.OPERATOR, Role.SOCIETY_ADMIN, Role.RIGHT_HOLDER)
  membershipOffers(
    @CurrentCaller() caller: Caller,
    @Args('status', { type: () => MembershipOfferStatus, nullable: true })
    status?: MembershipOfferStatus,
  ): Promise<MembershipOfferView[]> {
    return this.offers.visibleTo(caller, status);
  }

  @Mutation(() => MembershipOffer, {
    description: "Accepts a society's membership offer (the right holder offered it only).",
  })
  @Roles(Role.RIGHT_HOLDER)
  acceptMembership(
    @Args('offerId', { type: () => ID }) offerId: string,
    @CurrentCaller() caller: Caller,
    @Context('req') req: FastifyRequest,
  ): Promise<MembershipOfferView> {
    return mapPartyErrors(() => this.acceptHandler.execute(caller, offerId, req.correlationId));
  }

  @Mutation(() => MembershipOffer, {
    description: "Declines a society's membership offer (the right holder offered it only).",
  })
  @Roles(Role.RIGHT_HOLDER)
  declineMembership(
    @Args('offerId', { type: () => ID }) offerId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<MembershipOfferView> {
    return mapPartyErrors(() => this.declineHandler.execute(caller, offerId));
  }

  @ResolveField(() => Party, { nullable: true })
  party(
    @Parent() offer: MembershipOfferView,
    @Context('req') req: FastifyRequest,
  ): Promise<Party | null> {
    return this.loader.for(req).load(offer.partyId);
  }

  @ResolveField(() => Party, { nullable: true })
  society(
    @Parent() offer: MembershipOfferView,
    @Context('req') req: FastifyRequest,
  ): Promise<Party | null> {
    return this.loader.for(req).load(offer.societyId);
  }
}
