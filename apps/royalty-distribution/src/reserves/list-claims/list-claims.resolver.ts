import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, Roles, apiError, type Caller } from '#libs/auth';
import { Role } from '#libs/contracts';
import { cursorOf, keyOf } from '#libs/runtime';
import { ClaimConnection, ClaimsFilterInput } from '../graphql/reserve.types.js';
import { claimView, reserveView } from '../graphql/reserve.views.js';
import { ListReserves } from '../list-reserves/list-reserves.handler.js';
import { ListClaims } from './list-claims.handler.js';

@Resolver()
export class ListClaimsResolver {
  constructor(
    private readonly handler: ListClaims,
    private readonly reserves: ListReserves,
  ) {}

  @Query(() => ClaimConnection, {
    description:
      "Claims, newest first: a right holder its own, an admin its members' and those on its batches' reserves, the operator every one; anyone else none.",
  })
  @Roles(Role.OPERATOR, Role.SOCIETY_ADMIN, Role.RIGHT_HOLDER)
  async claims(
    @CurrentCaller() caller: Caller,
    @Args('filter', { nullable: true }) filter?: ClaimsFilterInput,
    @Args('first', { type: () => Int, nullable: true }) first = 20,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<ClaimConnection> {
    if (first < 1 || first > 100) throw apiError('BAD_USER_INPUT', 'first must be from 1 to 100');
    const page = await this.handler.list(caller, filter ?? {}, first, after ? keyOf(after) : null);
    // The page's reserves in one query (Claim.reserve uses them).
    const reserves = await this.reserves.byIds(page.claims.map((claim) => claim.reserveId));
    const edges = page.claims.map((claim) => {
      const reserve = reserves.get(claim.reserveId);
      return {
        node: { ...claimView(claim), reserve: reserve ? reserveView(reserve) : null },
        cursor: cursorOf(claim.id),
      };
    });
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }
}
