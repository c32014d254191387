import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '#libs/auth';
import { Role } from '#libs/contracts';
import { RequestCtx, type RequestContext } from '#libs/runtime';
import { WebhookEndpoint } from '../graphql/endpoint.types.js';
import { endpointViews } from '../graphql/endpoint.views.js';
import { EndpointRepository } from '../infrastructure/endpoint.repository.js';
import { GetEndpointHandler } from './get-endpoint.handler.js';

@Resolver()
export class GetEndpointResolver {
  constructor(
    private readonly handler: GetEndpointHandler,
    private readonly repository: EndpointRepository,
  ) {}

  @Query(() => WebhookEndpoint, { description: 'One webhook endpoint of the caller’s party.' })
  @Roles(Role.OPERATOR, Role.PLATFORM, Role.SOCIETY_ADMIN)
  async webhookEndpoint(
    @Args('id', { type: () => ID }) id: string,
    @RequestCtx() context: RequestContext,
  ): Promise<WebhookEndpoint> {
    const [view] = await endpointViews(this.repository, [
      await this.handler.execute({ id }, context),
    ]);
    return view!;
  }
}
