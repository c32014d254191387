import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ListReserves } from '../list-reserves/list-reserves.handler.js';
import { Claim, Reserve } from './reserve.types.js';
import { reserveView } from './reserve.views.js';

/**
 * The reserve a claim is on (whoever sees the claim sees the money it claims); a list of claims
 * loads its page's reserves at once.
 */
@Resolver(() => Claim)
export class ClaimResolver {
  constructor(private readonly reserves: ListReserves) {}

  @ResolveField(() => Reserve, { nullable: true })
  async reserve(@Parent() claim: Claim): Promise<Reserve | null> {
    if (claim.reserve !== undefined) return claim.reserve;
    const row = (await this.reserves.byIds([claim.reserveId])).get(claim.reserveId);
    return row ? reserveView(row) : null;
  }
}
