import { Global, Module } from '@nestjs/common';
import { DeliveryQueue } from './infrastructure/delivery-queue.js';

/** Deliveries of webhook messages: the queue others put messages on, and the dispatcher. */
@Global()
@Module({
  providers: [DeliveryQueue],
  exports: [DeliveryQueue],
})
export class DeliveriesModule {}
