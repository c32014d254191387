import { Injectable } from '@nestjs/common';
import type { RequestContext, UseCaseHandler } from '#libs/runtime';
import { callerOf, managedEndpoint } from '../application/managed-endpoint.js';
import { EndpointRepository } from '../infrastructure/endpoint.repository.js';

/**
 * Deletes an endpoint and its secrets; its deliveries still pending are CANCELLED, and its
 * delivery log stays in the database out of reach (ADR 39). Deleting it again is NOT_FOUND: it
 * no longer exists, and nothing changes.
 */
@Injectable()
export class DeleteEndpointHandler implements UseCaseHandler<{ id: string }, void> {
  constructor(private readonly repository: EndpointRepository) {}

  async execute(input: { id: string }, context: RequestContext): Promise<void> {
    const caller = callerOf(context);
    await this.repository.transaction(async (manager) => {
      const endpoint = await managedEndpoint(this.repository, manager, caller, input.id, true);
      await this.repository.delete(manager, endpoint.id);
    });
  }
}
