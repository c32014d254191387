import { Injectable } from '@nestjs/common';
import { AppError, type RequestContext, type UseCaseHandler } from '#libs/runtime';
import { DeliveryQueue } from '../../deliveries/infrastructure/delivery-queue.js';
import { callerOf, managedEndpoint } from '../application/managed-endpoint.js';
import { mayManageEndpoint } from '../domain/endpoint-access.js';
import {
  isDeliveryId,
  MAX_REDELIVERIES,
  redeliveryRangeProblem,
} from '../domain/endpoint-rules.js';
import { type DeliveryRecord, EndpointRepository } from '../infrastructure/endpoint.repository.js';

export type RedeliveryInput =
  { deliveryId: string } | { endpointId: string; from: string; to: string };

/**
 * Sends messages again to an endpoint, as new deliveries with the same `webhook-id`s (the
 * receiver dedupes by it): one delivery, or those made in [from, to), at most 7 days and
 * MAX_REDELIVERIES deliveries. A delivery of an endpoint the caller may not manage is NOT_FOUND.
 */
@Injectable()
export class RedeliverHandler implements UseCaseHandler<RedeliveryInput, DeliveryRecord[]> {
  constructor(
    private readonly repository: EndpointRepository,
    private readonly queue: DeliveryQueue,
  ) {}

  async execute(input: RedeliveryInput, context: RequestContext): Promise<DeliveryRecord[]> {
    const caller = callerOf(context);
    if ('deliveryId' in input) {
      if (!isDeliveryId(input.deliveryId)) {
        throw AppError.badInput('deliveryId: not the id of a delivery');
      }
      return this.repository.transaction(async (manager) => {
        const noDelivery = AppError.notFound(`no webhook delivery ${input.deliveryId}`);
        const endpointId = await this.repository.endpointOfDelivery(manager, input.deliveryId);
        if (!endpointId) throw noDelivery;
        const endpoint = await this.repository.find(manager, endpointId);
        if (!endpoint || !mayManageEndpoint(caller, endpoint.ownerPartyId)) throw noDelivery;
        const ids = await this.queue.redeliver(manager, endpoint.id, {
          deliveryId: input.deliveryId,
        });
        return this.repository.deliveryRecords(ids, manager);
      });
    }
    const from = new Date(input.from);
    const to = new Date(input.to);
    const problem = redeliveryRangeProblem(from, to);
    if (problem) throw AppError.badInput(problem);
    return this.repository.transaction(async (manager) => {
      const endpoint = await managedEndpoint(this.repository, manager, caller, input.endpointId);
      const count = await this.repository.countDeliveriesIn(manager, endpoint.id, from, to);
      if (count > MAX_REDELIVERIES) {
        throw AppError.badInput(
          `the range holds ${count} deliveries; a redelivery sends at most ${MAX_REDELIVERIES}: ask for a shorter range`,
        );
      }
      const ids = await this.queue.redeliver(manager, endpoint.id, { from, to });
      return this.repository.deliveryRecords(ids, manager);
    });
  }
}
