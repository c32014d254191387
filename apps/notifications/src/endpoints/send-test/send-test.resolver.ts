import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Roles } from '#libs/auth';
import { Role } from '#libs/contracts';
import { RequestCtx, type RequestContext } from '#libs/runtime';
import { WebhookDelivery } from '../graphql/endpoint.types.js';
import { deliveryView } from '../graphql/endpoint.views.js';
import { SendTestHandler } from './send-test.handler.js';

@Resolver()
export class SendTestResolver {
  constructor(private readonly handler: SendTestHandler) {}

  @Mutation(() => WebhookDelivery, {
    description: 'Sends a webhook.test message to the endpoint only; answers its delivery.',
  })
  @Roles(Role.OPERATOR, Role.PLATFORM, Role.SOCIETY_ADMIN)
  async sendWebhookTest(
    @Args('endpointId', { type: () => ID }) endpointId: string,
    @RequestCtx() context: RequestContext,
  ): Promise<WebhookDelivery> {
    return deliveryView(await this.handler.execute({ endpointId }, context));
  }
}
