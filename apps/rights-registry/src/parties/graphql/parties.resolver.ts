import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { CurrentCaller, Public, Roles, type Caller, type RequestWithCaller } from '#libs/auth';
import { Role } from '#libs/contracts';
import {
  ChangeMembershipHandler,
  UpdatePartyHandler,
} from '../application/change-party.handlers.js';
import { PartyLoader } from '../application/party.loader.js';
import { PartyQueries } from '../application/party.queries.js';
import { RegisterPartyHandler } from '../application/register-party.handler.js';
import { ChangeMembershipInput, UpdatePartyInput } from './change-party.inputs.js';
import { mayManageMembership } from '../domain/party.js';
import { mapPartyErrors } from './party-errors.js';
import { Party } from './party.type.js';
import { RegisterPartyInput } from './register-party.input.js';

const EVERY_ROLE = Object.values(Role);

@Resolver(() => Party)
export class PartiesResolver {
  constructor(
    private readonly registerPartyHandler: RegisterPartyHandler,
    private readonly parties: PartyQueries,
    private readonly loader: PartyLoader,
    private readonly changeMembershipHandler: ChangeMembershipHandler,
    private readonly updatePartyHandler: UpdatePartyHandler,
  ) {}

  @Mutation(() => Party, {
    description: 'Registers a party (operator; a society admin for its own members).',
  })
  @Roles(Role.OPERATOR, Role.SOCIETY_ADMIN)
  registerParty(
    @Args('input') input: RegisterPartyInput,
    @CurrentCaller() caller: Caller,
    @Context('req') req: FastifyRequest,
  ): Promise<Party> {
    return mapPartyErrors(() =>
      this.registerPartyHandler.execute(
        caller,
        input,
        req.correlationId,
        input.idempotencyKey ?? undefined,
      ),
    );
  }

  @Mutation(() => Party, {
    description:
      "Records a membership period (operator, back-dated at most MEMBERSHIP_BACKDATE_DAYS). A society's admin may end or shorten its member's period; a period it starts is only offered to the holder, who accepts it (acceptMembership).",
  })
  @Roles(Role.OPERATOR, Role.SOCIETY_ADMIN)
  changeMembership(
    @Args('input') input: ChangeMembershipInput,
    @CurrentCaller() caller: Caller,
    @Context('req') req: FastifyRequest,
  ): Promise<Party> {
    return mapPartyErrors(() =>
      this.changeMembershipHandler.execute(
        caller,
        { ...input, memberTo: input.memberTo ?? null },
        req.correlationId,
      ),
    );
  }

  @Mutation(() => Party, { description: "Changes a party's name, IPI name number or country." })
  @Roles(...EVERY_ROLE)
  updateParty(
    @Args('input') input: UpdatePartyInput,
    @CurrentCaller() caller: Caller,
    @Context('req') req: FastifyRequest,
  ): Promise<Party> {
    return mapPartyErrors(() => this.updatePartyHandler.execute(caller, input, req.correlationId));
  }

  @Query(() => Party, {
    nullable: true,
    description: 'A party; NOT_FOUND when there is none with that id.',
  })
  @Roles(...EVERY_ROLE)
  party(@Args('id', { type: () => ID }) id: string): Promise<Party> {
    return mapPartyErrors(() => this.parties.get(id));
  }

  @Query(() => Party, { nullable: true, description: 'The calling party.' })
  @Roles(...EVERY_ROLE)
  me(@CurrentCaller() caller: Caller): Promise<Party | null> {
    return this.parties.byId(caller.partyId);
  }

  /**
   * Resolves Party references from other subgraphs with the visibility of `party(id)`: signed-in
   * callers see parties, anonymous callers none (private fields follow their own rule below).
   */
  @ResolveReference()
  @Public()
  async resolveReference(
    @Parent() reference: { id: string },
    @Context('req') req: FastifyRequest & RequestWithCaller,
  ): Promise<Party | null> {
    if (!req.caller) return null;
    return this.loader.for(req).load(reference.id);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Shown to the party itself, the admin of its society and the operator.',
  })
  async ipiNameNumber(
    @Parent() party: Party,
    @CurrentCaller() caller: Caller | null,
    @Context('req') req: FastifyRequest,
  ): Promise<string | null> {
    return (await this.mayReadPrivate(party, caller, req)) ? party.ipiNameNumber : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Shown to the party itself, the admin of its society and the operator.',
  })
  async country(
    @Parent() party: Party,
    @CurrentCaller() caller: Caller | null,
    @Context('req') req: FastifyRequest,
  ): Promise<string | null> {
    return (await this.mayReadPrivate(party, caller, req)) ? party.country : null;
  }

  @ResolveField(() => Boolean, {
    description:
      "Member of this society today. Told to that society's admin and the operator; false to others.",
  })
  async memberOf(
    @Parent() party: Party,
    @Args('societyId', { type: () => ID }) societyId: string,
    @CurrentCaller() caller: Caller | null,
    @Context('req') req: FastifyRequest,
  ): Promise<boolean> {
    // Told to those who manage the society's memberships.
    if (!caller || !mayManageMembership(caller, societyId)) return false;
    const view = await this.loader.for(req).load(party.id);
    return Boolean(view?.societyIds.includes(societyId));
  }

  private async mayReadPrivate(
    party: Party,
    caller: Caller | null,
    req: FastifyRequest,
  ): Promise<boolean> {
    if (!caller) return false;
    if (caller.role === Role.OPERATOR || caller.partyId === party.id) return true;
    if (caller.role !== Role.SOCIETY_ADMIN) return false;
    // Batched and cached per request: a list of parties costs one lookup, not two per party.
    const view = await this.loader.for(req).load(party.id);
    return Boolean(view?.societyIds.includes(caller.partyId));
  }
}
