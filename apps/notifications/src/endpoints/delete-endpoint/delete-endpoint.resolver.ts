import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Roles } from '#libs/auth';
import { Role } from '#libs/contracts';
import { RequestCtx, type RequestContext } from '#libs/runtime';
import { DeleteEndpointHandler } from './delete-endpoint.handler.js';

@Resolver()
export class DeleteEndpointResolver {
  constructor(private readonly handler: DeleteEndpointHandler) {}

  @Mutation(() => Boolean, {
    description:
      'Deletes an endpoint and its secrets; its pending deliveries are cancelled. True when done.',
  })
  @Roles(Role.OPERATOR, Role.PLATFORM, Role.SOCIETY_ADMIN)
  async deleteWebhookEndpoint(
    @Args('id', { type: () => ID }) id: string,
    @RequestCtx() context: RequestContext,
  ): Promise<boolean> {
    await this.handler.execute({ id }, context);
    return true;
  }
}
