import { Query, Resolver } from '@nestjs/graphql';
import { Roles } from '#libs/auth';
import { Role } from '#libs/contracts';
import { RequestCtx, type RequestContext } from '#libs/runtime';
import { ListEventTypesHandler } from './list-event-types.handler.js';

@Resolver()
export class ListEventTypesResolver {
  constructor(private readonly handler: ListEventTypesHandler) {}

  @Query(() => [String], {
    description:
      "The event types an endpoint of the caller's kind of party may ask for (the operator: all).",
  })
  @Roles(Role.OPERATOR, Role.PLATFORM, Role.SOCIETY_ADMIN)
  webhookEventTypes(@RequestCtx() context: RequestContext): Promise<string[]> {
    return this.handler.execute(undefined, context);
  }
}
