import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, Public, Roles, apiError, type Caller } from '#libs/auth';
import { Role } from '#libs/contracts';
import { CalendarDateArgPipe, cursorOf, keyOf } from '#libs/runtime';
import { mapDistributionErrors } from '../../shared/graphql/distribution-errors.js';
import { ReserveHandlers } from '../application/reserve.handlers.js';
import { ListReserves } from '../list-reserves/list-reserves.handler.js';
import {
  Claim,
  ClaimReserveInput,
  ReserveConnection,
  ReservesFilterInput,
  SettleClaimInput,
} from './reserve.types.js';
import { claimView, reserveView } from './reserve.views.js';

/** The public reserve report, claims and their settlement, release after the period. */
@Resolver()
export class ReservesResolver {
  constructor(
    private readonly handlers: ReserveHandlers,
    private readonly list: ListReserves,
  ) {}

  @Query(() => ReserveConnection, {
    description:
      "Reserved money (public: unclaimed, unidentified, disputed), in id order, searchable by title (`filter.query`); money held for a non-member shows to that holder, to an admin of its society or of the batch's society and to the operator.",
  })
  @Public()
  async reserves(
    @CurrentCaller() caller: Caller | null,
    @Args('filter', { nullable: true }) filter?: ReservesFilterInput,
    @Args('first', { type: () => Int, nullable: true }) first = 50,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<ReserveConnection> {
    if (first < 1 || first > 200) throw apiError('BAD_USER_INPUT', 'first must be from 1 to 200');
    const page = await this.list.list(caller, filter ?? {}, first, after ? keyOf(after) : null);
    const edges = page.reserves.map((row) => ({
      node: reserveView(row),
      cursor: cursorOf(row.id),
    }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }

  @Mutation(() => Claim, { description: 'Claims reserved money for a holder, with evidence.' })
  @Roles(Role.RIGHT_HOLDER, Role.SOCIETY_ADMIN, Role.OPERATOR)
  async claimReserve(
    @Args('input') input: ClaimReserveInput,
    @CurrentCaller() caller: Caller,
  ): Promise<Claim> {
    return claimView(await mapDistributionErrors(() => this.handlers.claim(caller, input)));
  }

  @Mutation(() => Claim, { description: 'Approves or rejects a claim (the society’s admin).' })
  @Roles(Role.SOCIETY_ADMIN, Role.OPERATOR)
  async settleClaim(
    @Args('input') input: SettleClaimInput,
    @CurrentCaller() caller: Caller,
  ): Promise<Claim> {
    return claimView(
      await mapDistributionErrors(() => this.handlers.settle(caller, input.claimId, input.approve)),
    );
  }

  @Mutation(() => Int, { description: 'Releases reserves whose claim period ended (operator).' })
  @Roles(Role.OPERATOR)
  async releaseReserves(
    @CurrentCaller() caller: Caller,
    @Args(
      'asOf',
      { nullable: true, description: 'YYYY-MM-DD; default today.' },
      CalendarDateArgPipe,
    )
    asOf?: string,
  ): Promise<number> {
    const day = asOf ?? new Date().toISOString().slice(0, 10);
    return mapDistributionErrors(() => this.handlers.release(caller, day));
  }
}
