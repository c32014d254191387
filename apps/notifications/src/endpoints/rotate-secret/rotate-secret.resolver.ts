import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Roles } from '#libs/auth';
import { Role } from '#libs/contracts';
import { RequestCtx, type RequestContext } from '#libs/runtime';
import { WebhookEndpointWithSecret } from '../graphql/endpoint.types.js';
import { endpointView } from '../graphql/endpoint.views.js';
import { RotateSecretHandler } from './rotate-secret.handler.js';
import { RotateWebhookSecretInput } from './rotate-secret.input.js';

@Resolver()
export class RotateSecretResolver {
  constructor(private readonly handler: RotateSecretHandler) {}

  @Mutation(() => WebhookEndpointWithSecret, {
    description:
      "A new signing secret for an endpoint, shown this once; the previous one keeps signing for the overlap's hours.",
  })
  @Roles(Role.OPERATOR, Role.PLATFORM, Role.SOCIETY_ADMIN)
  async rotateWebhookSecret(
    @Args('input') input: RotateWebhookSecretInput,
    @RequestCtx() context: RequestContext,
  ): Promise<WebhookEndpointWithSecret> {
    const rotated = await this.handler.execute(input, context);
    return { endpoint: endpointView(rotated.endpoint, rotated.secrets), secret: rotated.secret };
  }
}
