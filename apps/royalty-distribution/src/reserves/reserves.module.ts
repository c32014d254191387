import { Module } from '@nestjs/common';
import { ReserveHandlers } from './application/reserve.handlers.js';
import { ClaimResolver } from './graphql/claim.resolver.js';
import { ReservesResolver } from './graphql/reserves.resolver.js';
import { ListClaims } from './list-claims/list-claims.handler.js';
import { ListClaimsResolver } from './list-claims/list-claims.resolver.js';
import { ListReserves } from './list-reserves/list-reserves.handler.js';

@Module({
  providers: [
    ReserveHandlers,
    ReservesResolver,
    ClaimResolver,
    ListReserves,
    ListClaims,
    ListClaimsResolver,
  ],
})
export class ReservesModule {}
