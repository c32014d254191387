import { Injectable } from '@nestjs/common';
import type { RequestContext, UseCaseHandler } from '#libs/runtime';
import { callerOf, managedEndpoint } from '../application/managed-endpoint.js';
import { EndpointRepository } from '../infrastructure/endpoint.repository.js';
import type { WebhookEndpointEntity } from '../infrastructure/webhook-endpoint.entity.js';

/** One endpoint the caller may manage; NOT_FOUND for any other. */
@Injectable()
export class GetEndpointHandler implements UseCaseHandler<{ id: string }, WebhookEndpointEntity> {
  constructor(private readonly repository: EndpointRepository) {}

  execute(input: { id: string }, context: RequestContext): Promise<WebhookEndpointEntity> {
    const caller = callerOf(context);
    return this.repository.transaction((manager) =>
      managedEndpoint(this.repository, manager, caller, input.id),
    );
  }
}
