import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { CurrentCaller, Roles, apiError, type Caller } from '#libs/auth';
import { Role } from '#libs/contracts';
import { cursorOf, keyOf, pageOf } from '#libs/runtime';
import { PartyLoader } from '../../parties/application/party.loader.js';
import { Party } from '../../parties/graphql/party.type.js';
import { DisputeActionsQuery } from '../application/dispute-actions.js';
import { ListDisputesHandler } from '../application/list-disputes.handler.js';
import { WorkLoader } from '../application/work.loader.js';
import type { DisputeView, WorkView } from '../application/work-view.js';
import { Dispute, DisputeConnection, DisputesFilterInput, Work } from './work.types.js';

const MAX_PAGE = 100;

@Resolver(() => Dispute)
export class DisputesResolver {
  constructor(
    private readonly listDisputes: ListDisputesHandler,
    private readonly actions: DisputeActionsQuery,
    private readonly works: WorkLoader,
    private readonly parties: PartyLoader,
  ) {}

  @Query(() => DisputeConnection, {
    description:
      'Disputes the caller may see, newest first: a right holder those that involve it (on works it holds a share in now, or claiming shares for it, or opened by it); a society admin those that involve it or a member of its society today; the operator all; a platform none.',
  })
  @Roles(...Object.values(Role))
  async disputes(
    @CurrentCaller() caller: Caller,
    @Args('filter', { nullable: true }) filter?: DisputesFilterInput,
    @Args('first', { type: () => Int, nullable: true }) first = 20,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<DisputeConnection> {
    if (first < 1 || first > MAX_PAGE)
      throw apiError('BAD_USER_INPUT', `first must be from 1 to ${MAX_PAGE}`);
    const { disputes, totalCount } = await this.listDisputes.execute(
      caller,
      filter ?? {},
      first,
      after ? keyOf(after) : undefined,
    );
    const { rows, pageInfo } = pageOf(disputes, first, (dispute) => dispute.id);
    return {
      edges: rows.map((dispute) => ({
        node: dispute,
        cursor: cursorOf(dispute.id),
      })),
      pageInfo,
      totalCount,
    };
  }

  @ResolveField(() => Work, { description: 'The work claimed.' })
  async work(
    @Parent() dispute: DisputeView,
    @Context('req') req: FastifyRequest,
  ): Promise<WorkView> {
    return (await this.works.for(req).load(dispute.workId))!;
  }

  @ResolveField(() => Party, { nullable: true, description: 'The right holder claiming.' })
  claimant(
    @Parent() dispute: DisputeView,
    @Context('req') req: FastifyRequest,
  ): Promise<Party | null> {
    return this.parties.for(req).load(dispute.claimantId);
  }

  @ResolveField(() => Boolean, {
    description:
      'The caller may answer the claim now (answerDispute): it is open and the caller is a current holder of the work, or the admin of its society, not on the claimant’s side.',
  })
  async viewerCanAnswer(
    @Parent() dispute: DisputeView,
    @CurrentCaller() caller: Caller | null,
  ): Promise<boolean> {
    return (await this.actions.of(caller, dispute)).answer;
  }

  @ResolveField(() => Boolean, {
    description:
      'The caller may withdraw the claim now (withdrawDispute): it is open and the caller is on the claimant’s side, or the operator.',
  })
  async viewerCanWithdraw(
    @Parent() dispute: DisputeView,
    @CurrentCaller() caller: Caller | null,
  ): Promise<boolean> {
    return (await this.actions.of(caller, dispute)).withdraw;
  }
}
