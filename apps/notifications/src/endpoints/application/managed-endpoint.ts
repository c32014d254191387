import type { EntityManager } from 'typeorm';
import type { Caller } from '#libs/auth';
import { AppError, AppErrorCode, type RequestContext } from '#libs/runtime';
import { mayManageEndpoint } from '../domain/endpoint-access.js';
import type { EndpointRepository } from '../infrastructure/endpoint.repository.js';
import type { WebhookEndpointEntity } from '../infrastructure/webhook-endpoint.entity.js';

/** The signed-in caller of a use case (the resolvers' @Roles admit no one else). */
export function callerOf(context: RequestContext): Caller {
  if (!context.caller) throw new AppError(AppErrorCode.UNAUTHENTICATED, 'sign in first');
  return context.caller;
}

/** The answer for an endpoint that does not exist or that the caller may not manage. */
export const noEndpoint = (id: string): AppError => AppError.notFound(`no webhook endpoint ${id}`);

/**
 * The endpoint `id` if the caller may manage it (mayManageEndpoint), locked for the
 * transaction when `lock`; NOT_FOUND otherwise, as for an id that does not exist.
 */
export async function managedEndpoint(
  repository: EndpointRepository,
  manager: EntityManager,
  caller: Caller,
  id: string,
  lock = false,
): Promise<WebhookEndpointEntity> {
  const endpoint = await repository.find(manager, id, lock);
  if (!endpoint || !mayManageEndpoint(caller, endpoint.ownerPartyId)) throw noEndpoint(id);
  return endpoint;
}
