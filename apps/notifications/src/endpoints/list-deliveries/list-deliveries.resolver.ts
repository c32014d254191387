import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AppError, cursorOf, InstantArgPipe, RequestCtx, type RequestContext } from '#libs/runtime';
import { DeliveryStatus } from '../../deliveries/infrastructure/webhook-delivery.entity.js';
import { isDeliveryId } from '../domain/endpoint-rules.js';
import { WebhookDeliveryConnection, WebhookEndpoint } from '../graphql/endpoint.types.js';
import { deliveryView } from '../graphql/endpoint.views.js';
import { ListDeliveriesHandler } from './list-deliveries.handler.js';

/** The delivery id a cursor stands for; anything else is BAD_USER_INPUT. */
function deliveryKeyOf(cursor: string): string {
  const key = /^[A-Za-z0-9_-]+$/.test(cursor)
    ? Buffer.from(cursor, 'base64url').toString('utf8')
    : '';
  if (!isDeliveryId(key)) throw AppError.badInput('after: the cursor is not valid');
  return key;
}

@Resolver(() => WebhookEndpoint)
export class ListDeliveriesResolver {
  constructor(private readonly handler: ListDeliveriesHandler) {}

  @ResolveField(() => WebhookDeliveryConnection, {
    description: 'The delivery log, newest first: made in [since, until), of a status.',
  })
  async deliveries(
    @Parent() endpoint: WebhookEndpoint,
    @RequestCtx() context: RequestContext,
    @Args('status', { type: () => DeliveryStatus, nullable: true }) status?: DeliveryStatus,
    @Args('since', { nullable: true }, InstantArgPipe) since?: string,
    @Args('until', { nullable: true }, InstantArgPipe) until?: string,
    @Args('first', { type: () => Int, nullable: true }) first = 20,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<WebhookDeliveryConnection> {
    if (first < 1 || first > 100) throw AppError.badInput('first must be from 1 to 100');
    const page = await this.handler.execute(
      {
        endpointId: endpoint.id,
        ownerId: endpoint.ownerId,
        filter: {
          status: status ?? null,
          since: since ? new Date(since) : null,
          until: until ? new Date(until) : null,
        },
        first,
        after: after ? deliveryKeyOf(after) : null,
      },
      context,
    );
    const edges = page.deliveries.map((record) => ({
      node: deliveryView(record),
      cursor: cursorOf(record.id),
    }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }
}
