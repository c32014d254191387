import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { CurrentCaller, Public, Roles, apiError, type Caller } from '#libs/auth';
import { Role, UseType, WorkCategory, isInForce } from '#libs/contracts';
import { InstantArgPipe, cursorOf, keyOf, pageOf } from '#libs/runtime';
import { HolderSocietiesLoader, WorkOptOutsLoader } from '../application/opt-out.loader.js';
import { OptOutQueries } from '../application/opt-out.queries.js';
import { RegisterOptOutHandler } from '../application/register-opt-out.handler.js';
import { WithdrawOptOutHandler } from '../application/withdraw-opt-out.handler.js';
import { confirmationOf, mayReadOptOutsOf } from '../domain/opt-out-request.js';
import type { OptOutEntity } from '../infrastructure/opt-out.entity.js';
import { mapOptOutErrors } from './opt-out-errors.js';
import {
  OptOut,
  OptOutStatus,
  OptedOutWorkConnection,
  Party,
  RegisterOptOutInput,
  Work,
} from './opt-out.types.js';

const MAX_PAGE = 200;
const HOLDER_SIDE = [Role.OPERATOR, Role.SOCIETY_ADMIN, Role.RIGHT_HOLDER];

@Resolver(() => OptOut)
export class OptOutsResolver {
  constructor(
    private readonly registerHandler: RegisterOptOutHandler,
    private readonly withdrawHandler: WithdrawOptOutHandler,
    private readonly queries: OptOutQueries,
    private readonly holderSocieties: HolderSocietiesLoader,
  ) {}

  @Mutation(() => OptOut, {
    description:
      'Takes one work, or every work of the holder, out of extended collective licensing (the holder, an admin of its society, or the operator). A request that repeats an opt-out not withdrawn (same holder, scope, work and use types, effective no later) returns that opt-out.',
  })
  @Roles(...HOLDER_SIDE)
  registerOptOut(
    @Args('input') input: RegisterOptOutInput,
    @CurrentCaller() caller: Caller,
    @Context('req') req: FastifyRequest,
  ): Promise<OptOutEntity> {
    return mapOptOutErrors(() =>
      this.registerHandler.execute(
        caller,
        {
          holderId: input.holderId,
          scope: input.scope,
          workId: input.workId ?? null,
          useTypes: input.useTypes ?? [],
          effectiveFrom: input.effectiveFrom ? new Date(input.effectiveFrom) : null,
        },
        req.correlationId,
        input.idempotencyKey ?? undefined,
      ),
    );
  }

  @Mutation(() => OptOut, {
    description: 'Withdraws an opt-out: its works are back under the scheme from now.',
  })
  @Roles(...HOLDER_SIDE)
  withdrawOptOut(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller,
    @Context('req') req: FastifyRequest,
  ): Promise<OptOutEntity> {
    return mapOptOutErrors(() => this.withdrawHandler.execute(caller, id, req.correlationId));
  }

  @Query(() => [OptOut], {
    description:
      "One holder's opt-outs, withdrawn ones included (the holder, an admin of its society, the operator); NOT_FOUND for anyone else.",
  })
  @Roles(...HOLDER_SIDE)
  async optOuts(
    @Args('holderId', { type: () => ID }) holderId: string,
    @CurrentCaller() caller: Caller,
    @Context('req') req: FastifyRequest,
  ): Promise<OptOutEntity[]> {
    if (!(await this.queries.isHolder(holderId)) || !(await this.mayRead(caller, holderId, req)))
      throw apiError('NOT_FOUND', `no right holder ${holderId}`);
    return this.queries.ofHolder(holderId);
  }

  @Query(() => OptOut, {
    nullable: true,
    description:
      'An opt-out (its holder, an admin of its society, the operator); NOT_FOUND for anyone else.',
  })
  @Roles(...HOLDER_SIDE)
  async optOut(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller,
    @Context('req') req: FastifyRequest,
  ): Promise<OptOutEntity | null> {
    const optOut = await this.queries.byId(id);
    if (!optOut || !(await this.mayRead(caller, optOut.holderId, req)))
      throw apiError('NOT_FOUND', `no opt-out ${id}`);
    return optOut;
  }

  @Query(() => OptedOutWorkConnection, {
    description: 'The public opt-out register: works out of the scheme, without personal data.',
  })
  @Public()
  async optOutRegister(
    @Args('category', { type: () => WorkCategory, nullable: true }) category?: WorkCategory,
    @Args('first', { type: () => Int, nullable: true }) first = 50,
    @Args('after', { nullable: true }) after?: string,
    @Args('query', {
      nullable: true,
      description:
        'Part of the title, e.g. a word of it (any letter case, full-width or half-width).',
    })
    query?: string,
  ): Promise<OptedOutWorkConnection> {
    if (first < 1 || first > MAX_PAGE)
      throw apiError('BAD_USER_INPUT', `first must be from 1 to ${MAX_PAGE}`);
    // An explicit null (a client's unset variable) means no filter, as an absent one does.
    if (query != null && query.length > 200)
      throw apiError('BAD_USER_INPUT', 'query must be at most 200 characters');
    const text = query?.normalize('NFKC').trim();
    const filter = { category: category || undefined, query: text ? text : undefined };
    const entries = await this.queries.register(first, after ? keyOf(after) : undefined, filter);
    const { rows, pageInfo } = pageOf(entries, first, (entry) => entry.workId);
    return {
      edges: rows.map(({ workId, ...entry }) => ({
        node: { work: { id: workId }, ...entry },
        cursor: cursorOf(workId),
      })),
      pageInfo,
      totalCount: await this.queries.registerCount(filter),
    };
  }

  @Query(() => OptOutStatus, {
    nullable: true,
    description:
      'Whether a work is out of the scheme for a use type (any, when omitted) at an instant (default now); null for a work not registered.',
  })
  @Public()
  async optOutStatus(
    @Args('workId', { type: () => ID }) workId: string,
    @Args('useType', { type: () => UseType, nullable: true }) useType?: UseType,
    @Args('at', { nullable: true, description: 'ISO 8601 instant.' }, InstantArgPipe) at?: string,
  ): Promise<OptOutStatus | null> {
    const instant = at ? new Date(at) : new Date();
    const status = await this.queries.status(workId, useType ?? null, instant);
    return status && { ...status, work: { id: workId } };
  }

  @ResolveField(() => Party, { nullable: true })
  holder(@Parent() optOut: OptOutEntity, @CurrentCaller() caller: Caller | null): Party | null {
    return caller ? { id: optOut.holderId } : null;
  }

  @ResolveField(() => Work, { nullable: true })
  work(@Parent() optOut: OptOutEntity): Work | null {
    return optOut.workId ? { id: optOut.workId } : null;
  }

  @ResolveField(() => Boolean)
  inForce(@Parent() optOut: OptOutEntity): boolean {
    return isInForce(optOut, new Date());
  }

  @ResolveField(() => String, { nullable: true })
  async confirmation(
    @Parent() optOut: OptOutEntity,
    @CurrentCaller() caller: Caller | null,
    @Context('req') req: FastifyRequest,
  ): Promise<string | null> {
    if (!caller) return null;
    return (await this.mayRead(caller, optOut.holderId, req)) ? confirmationOf(optOut) : null;
  }

  /** Whether the caller may read the holder's opt-outs (its societies are looked up for an admin only). */
  private async mayRead(caller: Caller, holderId: string, req: FastifyRequest): Promise<boolean> {
    const societies =
      caller.role === Role.SOCIETY_ADMIN
        ? ((await this.holderSocieties.for(req).load(holderId)) ?? [])
        : [];
    return mayReadOptOutsOf(caller, holderId, societies);
  }
}

@Resolver(() => Work)
export class WorkOptOutsResolver {
  constructor(private readonly loader: WorkOptOutsLoader) {}

  @ResolveReference()
  @Public()
  resolveReference(@Parent() reference: { id: string }): Work {
    return { id: reference.id };
  }

  @ResolveField(() => [OptOut], {
    description: "Opt-outs of the work's current holders that concern it, in force or scheduled.",
  })
  async optOuts(
    @Parent() work: Work,
    @Context('req') req: FastifyRequest,
  ): Promise<OptOutEntity[]> {
    return (await this.loader.for(req).load(work.id)) ?? [];
  }
}
