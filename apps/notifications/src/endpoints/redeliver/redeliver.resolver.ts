import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Roles } from '#libs/auth';
import { Role } from '#libs/contracts';
import { RequestCtx, type RequestContext } from '#libs/runtime';
import { WebhookDelivery, WebhookRedelivery } from '../graphql/endpoint.types.js';
import { deliveryView } from '../graphql/endpoint.views.js';
import { RedeliverHandler } from './redeliver.handler.js';
import { RedeliverWebhookMessagesInput } from './redeliver.input.js';

@Resolver()
export class RedeliverResolver {
  constructor(private readonly handler: RedeliverHandler) {}

  @Mutation(() => WebhookDelivery, {
    description: 'Sends one delivered (or parked) message again: a new delivery, same webhook-id.',
  })
  @Roles(Role.OPERATOR, Role.PLATFORM, Role.SOCIETY_ADMIN)
  async redeliverWebhookMessage(
    @Args('deliveryId') deliveryId: string,
    @RequestCtx() context: RequestContext,
  ): Promise<WebhookDelivery> {
    const [delivery] = await this.handler.execute({ deliveryId }, context);
    return deliveryView(delivery!);
  }

  @Mutation(() => WebhookRedelivery, {
    description:
      'Sends again the messages delivered to an endpoint in [from, to): at most 7 days and 1000 deliveries.',
  })
  @Roles(Role.OPERATOR, Role.PLATFORM, Role.SOCIETY_ADMIN)
  async redeliverWebhookMessages(
    @Args('input') input: RedeliverWebhookMessagesInput,
    @RequestCtx() context: RequestContext,
  ): Promise<WebhookRedelivery> {
    const deliveries = await this.handler.execute(input, context);
    return { count: deliveries.length, deliveries: deliveries.map(deliveryView) };
  }
}
