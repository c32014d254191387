import { Global, Module } from '@nestjs/common';
import { NotificationsConfig } from '#libs/config';
import {
  DeliveryDispatcher,
  DISPATCH_SETTINGS,
  dispatchSettings,
  type DispatchSettings,
} from './application/delivery-dispatcher.js';
import { DeliveryQueue } from './infrastructure/delivery-queue.js';
import { DeliveryStore } from './infrastructure/delivery-store.js';
import { WebhookSender } from './outbound/webhook-sender.js';

/** Deliveries of webhook messages: the queue others put messages on, and the dispatcher. */
@Global()
@Module({
  providers: [
    DeliveryQueue,
    DeliveryStore,
    {
      provide: DISPATCH_SETTINGS,
      useFactory: (config: NotificationsConfig) => dispatchSettings(config),
      inject: [NotificationsConfig],
    },
    {
      provide: WebhookSender,
      useFactory: (settings: DispatchSettings) => new WebhookSender(settings.sender),
      inject: [DISPATCH_SETTINGS],
    },
    DeliveryDispatcher,
  ],
  exports: [DeliveryQueue, WebhookSender, DISPATCH_SETTINGS],
})
export class DeliveriesModule {}
