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
import { Role, WorkCategory } from '#libs/contracts';
import { CalendarDateArgPipe, cursorOf, keyOf, pageOf } from '#libs/runtime';
import { PartyLoader } from '../../parties/application/party.loader.js';
import { Party } from '../../parties/graphql/party.type.js';
import { AnswerDisputeHandler } from '../application/answer-dispute.handler.js';
import { RegisterWorkHandler } from '../application/register-work.handler.js';
import { RegisterWorksHandler } from '../application/register-works.handler.js';
import { ResolveDisputeHandler } from '../application/resolve-dispute.handler.js';
import { SearchWorksHandler, type WorkMatchView } from '../application/search-works.handler.js';
import { UpdateWorkSharesHandler } from '../application/update-work-shares.handler.js';
import { UpdateWorkHandler } from '../application/update-work.handler.js';
import { WithdrawDisputeHandler } from '../application/withdraw-dispute.handler.js';
import { WorkLoader } from '../application/work.loader.js';
import { WorkQueries } from '../application/work.queries.js';
import type { DisputeOpenerView, DisputeView, WorkView } from '../application/work-view.js';
import { mapWorkErrors } from './work-errors.js';
import {
  AnswerDisputeInput,
  Dispute,
  DisputeOpener,
  RegisterWorkInput,
  RegisterWorksInput,
  ResolveDisputeInput,
  UpdateWorkInput,
  UpdateWorkSharesInput,
  Work,
  WorkConnection,
  WorkMatch,
  WorkShare,
  WorksFilterInput,
} from './work.types.js';

const EVERY_ROLE = Object.values(Role);
const MAX_PAGE = 100;

/** `YYYY-MM-DD` as the instant the day starts (UTC); shares "as of" a date are those in force then. */
function startOfDay(date: string | undefined): Date {
  if (date === undefined) return new Date();
  return new Date(`${date}T00:00:00Z`);
}

@Resolver(() => Work)
export class WorksResolver {
  constructor(
    private readonly registerWorkHandler: RegisterWorkHandler,
    private readonly updateWorkSharesHandler: UpdateWorkSharesHandler,
    private readonly registerWorksHandler: RegisterWorksHandler,
    private readonly resolveDisputeHandler: ResolveDisputeHandler,
    private readonly withdrawDisputeHandler: WithdrawDisputeHandler,
    private readonly answerDisputeHandler: AnswerDisputeHandler,
    private readonly searchWorksHandler: SearchWorksHandler,
    private readonly updateWorkHandler: UpdateWorkHandler,
    private readonly queries: WorkQueries,
    private readonly loader: WorkLoader,
  ) {}

  @Mutation(() => Work, {
    description:
      'Registers a work. An identifier already held by a work of other holders opens a dispute on that work, which is returned. A work with the same title, category and holders as a registered one is refused (CONFLICT naming it) unless confirmDuplicates is set.',
  })
  @Roles(Role.OPERATOR, Role.SOCIETY_ADMIN, Role.RIGHT_HOLDER)
  registerWork(
    @Args('input') input: RegisterWorkInput,
    @CurrentCaller() caller: Caller,
    @Context('req') req: FastifyRequest,
  ): Promise<WorkView> {
    return mapWorkErrors(() =>
      this.registerWorkHandler.execute(
        caller,
        input,
        req.correlationId,
        input.idempotencyKey ?? undefined,
      ),
    );
  }

  @Mutation(() => Work, {
    description: "Sets a work's complete shares from effectiveFrom; earlier history is kept.",
  })
  @Roles(Role.OPERATOR, Role.SOCIETY_ADMIN, Role.RIGHT_HOLDER)
  updateWorkShares(
    @Args('input') input: UpdateWorkSharesInput,
    @CurrentCaller() caller: Caller,
    @Context('req') req: FastifyRequest,
  ): Promise<WorkView> {
    return mapWorkErrors(() =>
      this.updateWorkSharesHandler.execute(
        caller,
        {
          workId: input.workId,
          effectiveFrom: input.effectiveFrom ? new Date(input.effectiveFrom) : undefined,
          shares: input.shares,
        },
        req.correlationId,
      ),
    );
  }

  @Mutation(() => Work, {
    description:
      "Changes a work's title, alternative titles or creators (those given), by whoever may change its shares.",
  })
  @Roles(Role.OPERATOR, Role.SOCIETY_ADMIN, Role.RIGHT_HOLDER)
  updateWork(
    @Args('input') input: UpdateWorkInput,
    @CurrentCaller() caller: Caller,
    @Context('req') req: FastifyRequest,
  ): Promise<WorkView> {
    return mapWorkErrors(() => this.updateWorkHandler.execute(caller, input, req.correlationId));
  }

  @Mutation(() => [Work], {
    description: 'Registers up to 1000 works in one transaction: all or none.',
  })
  @Roles(Role.OPERATOR, Role.SOCIETY_ADMIN, Role.RIGHT_HOLDER)
  registerWorks(
    @Args('input') input: RegisterWorksInput,
    @CurrentCaller() caller: Caller,
    @Context('req') req: FastifyRequest,
  ): Promise<WorkView[]> {
    return mapWorkErrors(() =>
      this.registerWorksHandler.execute(caller, input.works, req.correlationId, input),
    );
  }

  @Mutation(() => Work, {
    description:
      "Settles a dispute: the operator, or the admin of a society of the work's current holders that is not also on the claimant's side.",
  })
  @Roles(Role.OPERATOR, Role.SOCIETY_ADMIN)
  resolveDispute(
    @Args('input') input: ResolveDisputeInput,
    @CurrentCaller() caller: Caller,
    @Context('req') req: FastifyRequest,
  ): Promise<WorkView> {
    return mapWorkErrors(() =>
      this.resolveDisputeHandler.execute(caller, input, req.correlationId),
    );
  }

  @Mutation(() => Work, {
    description:
      "Withdraws a claim: the claimant's side (the claimant, a claimed holder, the party that opened the dispute, their society's admin) or the operator. The work's shares stay as they are.",
  })
  @Roles(Role.OPERATOR, Role.SOCIETY_ADMIN, Role.RIGHT_HOLDER)
  withdrawDispute(
    @Args('disputeId', { type: () => ID }) disputeId: string,
    @CurrentCaller() caller: Caller,
    @Context('req') req: FastifyRequest,
  ): Promise<WorkView> {
    return mapWorkErrors(() =>
      this.withdrawDisputeHandler.execute(caller, disputeId, req.correlationId),
    );
  }

  @Mutation(() => Work, {
    description:
      "Answers a claim for the holders' side: a current holder of the work, or the admin of its society.",
  })
  @Roles(Role.SOCIETY_ADMIN, Role.RIGHT_HOLDER)
  answerDispute(
    @Args('input') input: AnswerDisputeInput,
    @CurrentCaller() caller: Caller,
  ): Promise<WorkView> {
    return mapWorkErrors(() => this.answerDisputeHandler.execute(caller, input));
  }

  @Query(() => [DisputeOpener], {
    description:
      'Parties that opened disputes since a date (YYYY-MM-DD, start of day UTC; default the last 24 hours), most first (operator).',
  })
  @Roles(Role.OPERATOR)
  disputeOpeners(
    @Args('since', { nullable: true }, CalendarDateArgPipe) since?: string,
  ): Promise<DisputeOpenerView[]> {
    return this.queries.disputeOpeners(
      since === undefined ? new Date(Date.now() - 86_400_000) : startOfDay(since),
    );
  }

  @Query(() => Work, {
    nullable: true,
    description: 'A work; NOT_FOUND when there is none with that id.',
  })
  @Roles(...EVERY_ROLE)
  work(@Args('id', { type: () => ID }) id: string): Promise<WorkView> {
    return mapWorkErrors(() => this.queries.get(id));
  }

  @Query(() => WorkConnection)
  @Roles(...EVERY_ROLE)
  async works(
    @Args('filter', { nullable: true }) filter?: WorksFilterInput,
    @Args('first', { type: () => Int, nullable: true }) first = 20,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<WorkConnection> {
    if (first < 1 || first > MAX_PAGE)
      throw apiError('BAD_USER_INPUT', `first must be from 1 to ${MAX_PAGE}`);
    const ids = await this.queries.page(filter ?? {}, first, after ? keyOf(after) : undefined);
    const { rows: page, pageInfo } = pageOf(ids, first, (id) => id);
    const views = await this.queries.byIds(page);
    return {
      edges: page.map((id) => ({ node: views.get(id)!, cursor: cursorOf(id) })),
      pageInfo,
      totalCount: await this.queries.count(filter ?? {}),
    };
  }

  @Query(() => [Work], {
    description:
      'Works whose identifier equals the query, then works by title (alternative titles included) across Japanese scripts (kanji, kana, romaji, old kanji forms) and Latin spellings, parts of titles included; best first.',
  })
  @Public()
  async searchWorks(
    @Args('query') query: string,
    @Args('category', { type: () => WorkCategory, nullable: true }) category?: WorkCategory,
    @Args('first', { type: () => Int, nullable: true }) first = 20,
  ): Promise<WorkView[]> {
    return (await this.search(query, first, category)).map((hit) => hit.work);
  }

  @Query(() => [WorkMatch], {
    description:
      'The works searchWorks finds, each with how it matched the query (identifier, exact title, reading, fuzzy, partial) and its score.',
  })
  @Public()
  matchWorks(
    @Args('query') query: string,
    @Args('category', { type: () => WorkCategory, nullable: true }) category?: WorkCategory,
    @Args('first', { type: () => Int, nullable: true }) first = 20,
  ): Promise<WorkMatchView[]> {
    return this.search(query, first, category);
  }

  private search(query: string, first: number, category?: WorkCategory): Promise<WorkMatchView[]> {
    if (first < 1 || first > MAX_PAGE)
      throw apiError('BAD_USER_INPUT', `first must be from 1 to ${MAX_PAGE}`);
    // An explicit null (a client's unset variable; it reaches here empty) means no category.
    return this.searchWorksHandler.execute(query, first, category || undefined);
  }

  @ResolveField(() => [WorkShare], {
    description:
      'Shares in force on a date (YYYY-MM-DD, start of day UTC); default now. Who holds what is shown to signed-in callers only.',
  })
  shares(
    @Parent() work: WorkView,
    @CurrentCaller() caller: Caller | null,
    @Args('asOf', { nullable: true }, CalendarDateArgPipe) asOf?: string,
  ): WorkShare[] {
    if (!caller) return [];
    return [...work.shareHistory.asOf(startOfDay(asOf))];
  }

  @ResolveField(() => [Dispute], {
    description:
      'Open disputes; their money is held in reserve. Who claims what is shown to signed-in callers only.',
  })
  openDisputes(@Parent() work: WorkView, @CurrentCaller() caller: Caller | null): DisputeView[] {
    return caller ? work.openDisputes : [];
  }

  @ResolveField(() => Boolean, {
    description: 'An open dispute holds the work’s money in reserve.',
  })
  disputed(@Parent() work: WorkView): boolean {
    return work.openDisputes.length > 0;
  }

  @ResolveReference()
  @Public()
  resolveReference(
    @Parent() reference: { id: string },
    @Context('req') req: FastifyRequest,
  ): Promise<WorkView | null> {
    return this.loader.for(req).load(reference.id);
  }
}

@Resolver(() => WorkShare)
export class WorkShareResolver {
  constructor(private readonly parties: PartyLoader) {}

  @ResolveField(() => Party)
  holder(@Parent() share: WorkShare, @Context('req') req: FastifyRequest): Promise<Party | null> {
    return this.parties.for(req).load(share.holderId);
  }
}

@Resolver(() => DisputeOpener)
export class DisputeOpenerResolver {
  constructor(private readonly parties: PartyLoader) {}

  @ResolveField(() => Party, { nullable: true })
  opener(
    @Parent() row: DisputeOpenerView,
    @Context('req') req: FastifyRequest,
  ): Promise<Party | null> {
    return this.parties.for(req).load(row.openerId);
  }
}
