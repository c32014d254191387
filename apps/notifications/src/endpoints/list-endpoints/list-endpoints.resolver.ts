import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '#libs/auth';
import { Role } from '#libs/contracts';
import { AppError, cursorOf, keyOf, RequestCtx, type RequestContext } from '#libs/runtime';
import { WebhookEndpointConnection } from '../graphql/endpoint.types.js';
import { endpointViews } from '../graphql/endpoint.views.js';
import { EndpointRepository } from '../infrastructure/endpoint.repository.js';
import { ListEndpointsHandler } from './list-endpoints.handler.js';

@Resolver()
export class ListEndpointsResolver {
  constructor(
    private readonly handler: ListEndpointsHandler,
    private readonly repository: EndpointRepository,
  ) {}

  @Query(() => WebhookEndpointConnection, {
    description:
      "Webhook endpoints, newest first: the caller's platform's or society's; the operator names an owner or lists all.",
  })
  @Roles(Role.OPERATOR, Role.PLATFORM, Role.SOCIETY_ADMIN)
  async webhookEndpoints(
    @RequestCtx() context: RequestContext,
    @Args('ownerId', { type: () => ID, nullable: true }) ownerId?: string,
    @Args('first', { type: () => Int, nullable: true }) first = 20,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<WebhookEndpointConnection> {
    if (first < 1 || first > 100) throw AppError.badInput('first must be from 1 to 100');
    const page = await this.handler.execute(
      { ownerId, first, after: after ? keyOf(after) : null },
      context,
    );
    const views = await endpointViews(this.repository, page.endpoints);
    const edges = views.map((node) => ({ node, cursor: cursorOf(node.id) }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }
}
