import { Module } from '@nestjs/common';
import { ReserveHandlers } from './application/reserve.handlers.js';
import { ReservesResolver } from './graphql/reserves.resolver.js';

@Module({ providers: [ReserveHandlers, ReservesResolver] })
export class ReservesModule {}
