import { Injectable } from '@nestjs/common';
import type { RequestContext, UseCaseHandler } from '#libs/runtime';
import { callerOf } from '../application/managed-endpoint.js';
import { endpointListScope } from '../domain/endpoint-access.js';
import { type EndpointPage, EndpointRepository } from '../infrastructure/endpoint.repository.js';

export interface ListEndpointsInput {
  ownerId?: string | null;
  first: number;
  /** The id of the last endpoint of the previous page. */
  after: string | null;
}

/**
 * Endpoints, newest first: the caller's party's (the operator: the owner named, or every
 * owner's). Naming another owner lists nothing (endpointListScope).
 */
@Injectable()
export class ListEndpointsHandler implements UseCaseHandler<ListEndpointsInput, EndpointPage> {
  constructor(private readonly repository: EndpointRepository) {}

  execute(input: ListEndpointsInput, context: RequestContext): Promise<EndpointPage> {
    const scope = endpointListScope(callerOf(context), input.ownerId);
    return this.repository.list(scope, input.first, input.after);
  }
}
