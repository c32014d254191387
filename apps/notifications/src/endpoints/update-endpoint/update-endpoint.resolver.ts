import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Roles } from '#libs/auth';
import { Role } from '#libs/contracts';
import { RequestCtx, type RequestContext } from '#libs/runtime';
import { WebhookEndpoint } from '../graphql/endpoint.types.js';
import { endpointView } from '../graphql/endpoint.views.js';
import { UpdateEndpointHandler } from './update-endpoint.handler.js';
import { UpdateWebhookEndpointInput } from './update-endpoint.input.js';

@Resolver()
export class UpdateEndpointResolver {
  constructor(private readonly handler: UpdateEndpointHandler) {}

  @Mutation(() => WebhookEndpoint, {
    description: "Changes an endpoint's URL, description, event types, or turns it on or off.",
  })
  @Roles(Role.OPERATOR, Role.PLATFORM, Role.SOCIETY_ADMIN)
  async updateWebhookEndpoint(
    @Args('input') input: UpdateWebhookEndpointInput,
    @RequestCtx() context: RequestContext,
  ): Promise<WebhookEndpoint> {
    const { endpoint, secrets } = await this.handler.execute(input, context);
    return endpointView(endpoint, secrets);
  }
}
