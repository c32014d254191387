import { Injectable } from '@nestjs/common';
import type { RequestContext, UseCaseHandler } from '#libs/runtime';
import { callerOf, noEndpoint } from '../application/managed-endpoint.js';
import { mayManageEndpoint } from '../domain/endpoint-access.js';
import { EndpointRepository } from '../infrastructure/endpoint.repository.js';

/**
 * Deletes an endpoint and its secrets; its deliveries still pending are CANCELLED, and its
 * delivery log stays in the database out of reach (ADR 39). Deleting it again changes nothing
 * and answers the same; an endpoint the caller may not manage is NOT_FOUND, deleted or not.
 */
@Injectable()
export class DeleteEndpointHandler implements UseCaseHandler<{ id: string }, void> {
  constructor(private readonly repository: EndpointRepository) {}

  async execute(input: { id: string }, context: RequestContext): Promise<void> {
    const caller = callerOf(context);
    await this.repository.transaction(async (manager) => {
      const endpoint = await this.repository.find(manager, input.id, true);
      const owner =
        endpoint?.ownerPartyId ?? (await this.repository.deletion(manager, input.id))?.ownerPartyId;
      if (!owner || !mayManageEndpoint(caller, owner)) throw noEndpoint(input.id);
      if (endpoint) await this.repository.delete(manager, endpoint, caller.partyId);
    });
  }
}
