import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { CurrentCaller, Public, Roles, type Caller } from '#libs/auth';
import { Role, WorkCategory } from '#libs/contracts';
import { moneyOf } from '#libs/runtime';
import { mapAuthorizationErrors } from '../../shared/graphql/authorization-errors.js';
import { SchemeHandlers } from '../application/scheme.handlers.js';
import { SchemeQueries } from '../application/scheme.queries.js';
import type { SchemeEntity } from '../infrastructure/scheme.entity.js';
import { CreateEclSchemeInput, EclScheme, UpdateEclSchemeInput } from './scheme.types.js';

const view = (scheme: SchemeEntity): EclScheme => ({
  ...scheme,
  society: { id: scheme.societyId },
  unitRate: moneyOf(scheme.unitRateMinor, scheme.currency),
});

@Resolver(() => EclScheme)
export class SchemesResolver {
  constructor(
    private readonly handlers: SchemeHandlers,
    private readonly queries: SchemeQueries,
  ) {}

  @Mutation(() => EclScheme, { description: 'Creates a scheme (operator; the society’s admin).' })
  @Roles(Role.OPERATOR, Role.SOCIETY_ADMIN)
  async createEclScheme(
    @Args('input') input: CreateEclSchemeInput,
    @CurrentCaller() caller: Caller,
    @Context('req') req: FastifyRequest,
  ): Promise<EclScheme> {
    return view(
      await mapAuthorizationErrors(() => this.handlers.create(caller, input, req.correlationId)),
    );
  }

  @Mutation(() => EclScheme, {
    description: 'Changes a scheme’s terms; licenses already granted keep theirs.',
  })
  @Roles(Role.OPERATOR, Role.SOCIETY_ADMIN)
  async updateEclScheme(
    @Args('input') input: UpdateEclSchemeInput,
    @CurrentCaller() caller: Caller,
    @Context('req') req: FastifyRequest,
  ): Promise<EclScheme> {
    return view(
      await mapAuthorizationErrors(() => this.handlers.update(caller, input, req.correlationId)),
    );
  }

  @Query(() => [EclScheme], { description: 'ECL schemes and their tariffs (public).' })
  @Public()
  async eclSchemes(
    @Args('societyId', { type: () => ID, nullable: true }) societyId?: string,
    @Args('category', { type: () => WorkCategory, nullable: true }) category?: WorkCategory,
  ): Promise<EclScheme[]> {
    return (await this.queries.list({ societyId, category })).map(view);
  }
}
