import { Injectable } from '@nestjs/common';
import { oncePerKey } from '#libs/database';
import { AppError, type RequestContext, type UseCaseHandler } from '#libs/runtime';
import { DeliveryQueue } from '../../deliveries/infrastructure/delivery-queue.js';
import { callerOf, managedEndpoint } from '../application/managed-endpoint.js';
import { TEST_EVENT_TYPE } from '../domain/event-types.js';
import { type DeliveryRecord, EndpointRepository } from '../infrastructure/endpoint.repository.js';

/**
 * Sends a `webhook.test` message to one endpoint (whatever types it asks for, on or off: its
 * owner checks the receiver), and answers the PENDING delivery made. An `Idempotency-Key`
 * header sent again answers the same delivery.
 */
@Injectable()
export class SendTestHandler implements UseCaseHandler<{ endpointId: string }, DeliveryRecord> {
  constructor(
    private readonly repository: EndpointRepository,
    private readonly queue: DeliveryQueue,
  ) {}

  async execute(input: { endpointId: string }, context: RequestContext): Promise<DeliveryRecord> {
    const caller = callerOf(context);
    return this.repository.transaction(async (manager) => {
      const endpoint = await managedEndpoint(this.repository, manager, caller, input.endpointId);
      const deliveryId = await oncePerKey(
        manager,
        'notifications',
        {
          callerId: caller.partyId,
          key: context.idempotencyKey,
          operation: 'sendWebhookTest',
          body: input,
        },
        async () => {
          const now = new Date();
          const made = await this.queue.enqueueTo(manager, endpoint.id, {
            ownerPartyId: endpoint.ownerPartyId,
            eventType: TEST_EVENT_TYPE,
            orderingKey: `test:${endpoint.id}`,
            sourceEventId: null,
            occurredAt: now,
            data: { endpointId: endpoint.id, sentAt: now.toISOString() },
          });
          return made.deliveryId;
        },
        (message) => AppError.conflict(message),
      );
      const [delivery] = await this.repository.deliveryRecords([deliveryId], manager);
      return delivery!;
    });
  }
}
