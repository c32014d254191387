import { Injectable } from '@nestjs/common';
import type { RequestContext, UseCaseHandler } from '#libs/runtime';
import { callerOf, noEndpoint } from '../application/managed-endpoint.js';
import { mayManageEndpoint } from '../domain/endpoint-access.js';
import {
  type DeliveryFilter,
  type DeliveryPage,
  EndpointRepository,
} from '../infrastructure/endpoint.repository.js';

export interface ListDeliveriesInput {
  endpointId: string;
  ownerId: string;
  filter: DeliveryFilter;
  first: number;
  /** The id of the last delivery of the previous page. */
  after: string | null;
}

/** An endpoint's delivery log, newest first, with each delivery's attempts. */
@Injectable()
export class ListDeliveriesHandler implements UseCaseHandler<ListDeliveriesInput, DeliveryPage> {
  constructor(private readonly repository: EndpointRepository) {}

  execute(input: ListDeliveriesInput, context: RequestContext): Promise<DeliveryPage> {
    if (!mayManageEndpoint(callerOf(context), input.ownerId)) throw noEndpoint(input.endpointId);
    return this.repository.deliveries(input.endpointId, input.filter, input.first, input.after);
  }
}
