import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentCaller, Roles, apiError, type Caller } from '#libs/auth';
import { Role } from '#libs/contracts';
import { moneyOf } from '#libs/runtime';
import { mapDistributionErrors } from '../../shared/graphql/distribution-errors.js';
import { BatchHandlers } from '../application/batch.handlers.js';
import { BatchQueries } from '../application/batch.queries.js';
import { StatementDocuments } from '../application/statement-documents.js';
import { statementView } from './statement.view.js';
import type { BatchEntity } from '../infrastructure/batch.entities.js';
import {
  CreateDistributionBatchInput,
  DistributionBatch,
  Statement,
  WorkAmount,
} from './batch.types.js';
import { workReference } from '../../shared/graphql/work-reference.js';

export function batchView(batch: BatchEntity): DistributionBatch {
  const money = (amount: bigint | null) =>
    amount === null ? null : moneyOf(amount, batch.currency);
  return {
    ...batch,
    society: { id: batch.societyId },
    pool: money(batch.poolMinor ?? batch.poolGivenMinor),
    adminFee: money(batch.adminFeeMinor),
    allocatedTotal:
      batch.payableMinor === null || batch.heldMinor === null
        ? null
        : money(batch.payableMinor + batch.heldMinor),
    payableTotal: money(batch.payableMinor),
    heldTotal: money(batch.heldMinor),
    reservedTotal: money(batch.reservedMinor),
    exceptions: batch.exceptionLines,
    calculation: {
      state: batch.calculationState,
      phase: batch.calculationPhase,
      error: batch.calculationError,
      startedAt: batch.calculationStartedAt,
      calculatedAt: batch.calculatedAt,
    },
  };
}

/** Distribution batches (the operator, or the society's admin) and statements. */
@Resolver(() => DistributionBatch)
export class BatchesResolver {
  constructor(
    private readonly handlers: BatchHandlers,
    private readonly queries: BatchQueries,
    private readonly documents: StatementDocuments,
  ) {}

  @Mutation(() => DistributionBatch, {
    description:
      'A new batch, DRAFT. CONFLICT when a batch of the society and category, not cancelled, overlaps its period.',
  })
  @Roles(Role.OPERATOR, Role.SOCIETY_ADMIN)
  async createDistributionBatch(
    @Args('input') input: CreateDistributionBatchInput,
    @CurrentCaller() caller: Caller,
  ): Promise<DistributionBatch> {
    return batchView(await mapDistributionErrors(() => this.handlers.create(caller, input)));
  }

  @Mutation(() => DistributionBatch, {
    description: 'Starts (or restarts) the calculation; follow it in `calculation`.',
  })
  @Roles(Role.OPERATOR, Role.SOCIETY_ADMIN)
  async calculateDistributionBatch(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<DistributionBatch> {
    return batchView(await mapDistributionErrors(() => this.handlers.calculate(caller, id)));
  }

  @Mutation(() => DistributionBatch, {
    description: 'Freezes a calculated batch and its reserves.',
  })
  @Roles(Role.OPERATOR, Role.SOCIETY_ADMIN)
  async approveDistributionBatch(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<DistributionBatch> {
    return batchView(await mapDistributionErrors(() => this.handlers.approve(caller, id)));
  }

  @Mutation(() => DistributionBatch)
  @Roles(Role.OPERATOR, Role.SOCIETY_ADMIN)
  async closeDistributionBatch(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<DistributionBatch> {
    return batchView(await mapDistributionErrors(() => this.handlers.close(caller, id)));
  }

  @Mutation(() => DistributionBatch, {
    description:
      "Cancels a batch not yet approved (DRAFT or CALCULATED; the operator or the society's admin): it pays nothing, and its period is free for another batch. CONFLICT for an approved batch.",
  })
  @Roles(Role.OPERATOR, Role.SOCIETY_ADMIN)
  async cancelDistributionBatch(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<DistributionBatch> {
    return batchView(await mapDistributionErrors(() => this.handlers.cancel(caller, id)));
  }

  @Query(() => DistributionBatch, {
    nullable: true,
    description: "A batch (the operator, the society's admin); NOT_FOUND for anyone else.",
  })
  @Roles(Role.OPERATOR, Role.SOCIETY_ADMIN)
  async distributionBatch(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<DistributionBatch | null> {
    return batchView(await mapDistributionErrors(() => this.queries.visibleBatch(caller, id)));
  }

  @ResolveField(() => [WorkAmount])
  async topWorks(
    @Parent() batch: DistributionBatch,
    @Args('first', { type: () => Int, nullable: true }) first = 10,
  ): Promise<WorkAmount[]> {
    if (first < 1 || first > 100) throw apiError('BAD_USER_INPUT', 'first must be from 1 to 100');
    const currency = batch.pool?.currency ?? 'JPY';
    return (await this.queries.topWorks(batch.id, first)).map(({ workKey, amount }) => ({
      workKey,
      work: workReference(workKey),
      amount: moneyOf(amount, currency),
    }));
  }

  @Query(() => Statement, {
    nullable: true,
    description:
      "A holder's statement: the operator or the admin of the batch's society once the batch is calculated; the holder or an admin of its society once it is APPROVED or CLOSED; NOT_FOUND for anyone else.",
  })
  @Roles(Role.OPERATOR, Role.SOCIETY_ADMIN, Role.RIGHT_HOLDER)
  async statement(
    @Args('batchId', { type: () => ID }) batchId: string,
    @Args('holderId', { type: () => ID }) holderId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<Statement | null> {
    const { batch } = await mapDistributionErrors(() =>
      this.queries.statement(caller, batchId, holderId),
    );
    const [summary] = await this.documents.summaries([{ batchId: batch.id, holderId }]);
    return statementView(summary!);
  }
}
