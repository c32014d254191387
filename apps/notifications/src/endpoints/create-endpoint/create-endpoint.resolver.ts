import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Roles } from '#libs/auth';
import { Role } from '#libs/contracts';
import { RequestCtx, type RequestContext } from '#libs/runtime';
import { WebhookEndpointWithSecret } from '../graphql/endpoint.types.js';
import { endpointView } from '../graphql/endpoint.views.js';
import { CreateEndpointHandler } from './create-endpoint.handler.js';
import { CreateWebhookEndpointInput } from './create-endpoint.input.js';

@Resolver()
export class CreateEndpointResolver {
  constructor(private readonly handler: CreateEndpointHandler) {}

  @Mutation(() => WebhookEndpointWithSecret, {
    description:
      "Adds a webhook endpoint for the caller's platform or society (the operator names the owner); its secret is shown here and at rotation only.",
  })
  @Roles(Role.OPERATOR, Role.PLATFORM, Role.SOCIETY_ADMIN)
  async createWebhookEndpoint(
    @Args('input') input: CreateWebhookEndpointInput,
    @RequestCtx() context: RequestContext,
  ): Promise<WebhookEndpointWithSecret> {
    const made = await this.handler.execute(input, context);
    return { endpoint: endpointView(made.endpoint, made.secrets), secret: made.secret };
  }
}
