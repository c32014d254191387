import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { DataSource, Not, type EntityManager } from 'typeorm';
import { RoyaltyDistributionConfig } from '#libs/config';
import type { Caller } from '#libs/auth';
import {
  BatchApproved,
  BatchClosed,
  PartyKind,
  Role,
  type WorkCategory,
  isUuid,
} from '#libs/contracts';
import { Outbox } from '#libs/messaging';
import { RegistryViewReader } from '#libs/registry-view';
import {
  DistributionError,
  DistributionErrorCode,
} from '../../shared/domain/distribution.errors.js';
import { mayRunBatch } from '../../shared/domain/tenancy.js';
import {
  batchProblems,
  overlapRefusal,
  periodsOverlap,
  refusal,
  type BatchAction,
} from '../domain/lifecycle.js';
import { MARK_PAID_LINES } from '../infrastructure/calculation-sql.js';
import { BatchEntity, BatchStatus, CalculationState } from '../infrastructure/batch.entities.js';
import { BatchCalculator } from './batch-calculator.js';
import { addStatementEvents } from './statement-events.js';

export interface CreateBatchInput {
  societyId?: string | null;
  periodStart: string;
  periodEnd: string;
  category: WorkCategory;
  poolAmountMinor?: string | null;
  currency: string;
  adminFeeBps: number;
}

const S = 'royalty_distribution';

/** Creates batches and moves them through their lifecycle. */
@Injectable()
export class BatchHandlers {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly registry: RegistryViewReader,
    private readonly calculator: BatchCalculator,
    private readonly config: RoyaltyDistributionConfig,
  ) {}

  async create(caller: Caller, input: CreateBatchInput): Promise<BatchEntity> {
    const societyId =
      input.societyId ?? (caller.role === Role.SOCIETY_ADMIN ? caller.partyId : null);
    if (!societyId)
      throw new DistributionError(DistributionErrorCode.INVALID, 'societyId is required');
    if (!mayRunBatch(caller, societyId))
      throw new DistributionError(
        DistributionErrorCode.NOT_ALLOWED,
        "a society's batches are run by the operator or that society's admin",
      );
    const problems = batchProblems(input);
    if (problems.length)
      throw new DistributionError(DistributionErrorCode.INVALID, problems.join('; '));
    if ((await this.registry.partyKind(societyId)) !== PartyKind.SOCIETY)
      throw new DistributionError(
        DistributionErrorCode.NOT_FOUND,
        `society ${societyId} is not a registered collecting society`,
      );
    return this.dataSource.transaction(async (manager) => {
      // Creations for one society and category take turns, so that of two overlapping batches
      // created at once, the second sees the first and is refused.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('distribution-batches:' || $1))`, [
        `${societyId}:${input.category}`,
      ]);
      const others = await manager.find(BatchEntity, {
        where: { societyId, category: input.category, status: Not(BatchStatus.CANCELLED) },
        order: { periodStart: 'ASC' },
      });
      const overlapping = others.find((other) => periodsOverlap(other, input));
      if (overlapping)
        throw new DistributionError(
          DistributionErrorCode.CONFLICT,
          overlapRefusal(input.category, overlapping),
        );
      const batch = manager.create(BatchEntity, {
        id: uuidv7(),
        societyId,
        category: input.category,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        currency: input.currency,
        adminFeeBps: input.adminFeeBps,
        poolGivenMinor: input.poolAmountMinor ? BigInt(input.poolAmountMinor) : null,
        status: BatchStatus.DRAFT,
        calculationState: CalculationState.IDLE,
        createdBy: caller.partyId,
      });
      return manager.save(batch);
    });
  }

  /**
   * Cancels a batch not yet approved (DRAFT or CALCULATED), stopping a calculation under way:
   * it pays nothing, and its period is free for another batch. Cancelling a cancelled batch
   * again changes nothing.
   */
  async cancel(caller: Caller, batchId: string): Promise<BatchEntity> {
    return this.transition(caller, batchId, 'cancel', async (manager, batch) => {
      await manager.update(BatchEntity, batch.id, {
        status: BatchStatus.CANCELLED,
        calculationState: CalculationState.IDLE,
        calculationPhase: null,
      });
    });
  }

  /** Requests a (re)calculation; it runs in the background (see `calculation` on the batch). */
  async calculate(caller: Caller, batchId: string): Promise<BatchEntity> {
    const batch = await this.transition(caller, batchId, 'calculate', async (manager, found) => {
      if (found.calculationState === CalculationState.RUNNING) return;
      await manager.update(BatchEntity, found.id, {
        calculationState: CalculationState.RUNNING,
        calculationPhase: 'queued',
        calculationError: null,
        calculationStartedAt: new Date(),
      });
    });
    this.calculator.kick();
    return batch;
  }

  async approve(caller: Caller, batchId: string): Promise<BatchEntity> {
    return this.transition(caller, batchId, 'approve', async (manager, batch) => {
      if (batch.calculationState === CalculationState.RUNNING)
        throw new DistributionError(
          DistributionErrorCode.CONFLICT,
          'the batch is being recalculated; approve it when the calculation is done',
        );
      const approvedAt = new Date();
      await manager.query(MARK_PAID_LINES, [
        batch.id,
        batch.societyId,
        batch.category,
        batch.periodStart,
        batch.periodEnd,
      ]);
      const releaseAfter = new Date(
        approvedAt.getTime() + this.config.RESERVE_PERIOD_DAYS * 86_400_000,
      )
        .toISOString()
        .slice(0, 10);
      await manager.query(
        `INSERT INTO ${S}.reserves (id, batch_id, work_key, holder_key, reason, amount, currency, status, release_after)
         SELECT gen_random_uuid(), batch_id, work_key, holder_key, reason, amount, $2, 'OPEN', $3
         FROM ${S}.batch_cells
         WHERE batch_id = $1 AND status IN ('RESERVED', 'HELD') AND amount > 0`,
        [batch.id, batch.currency, releaseAfter],
      );
      await manager.update(BatchEntity, batch.id, {
        status: BatchStatus.APPROVED,
        approvedBy: caller.partyId,
        approvedAt,
      });
      await this.outbox.add(manager, [
        {
          definition: BatchApproved,
          aggregateId: batch.id,
          correlationId: `batch-${batch.id}`,
          payload: {
            batchId: batch.id,
            checksum: batch.checksum!,
            approvedBy: caller.partyId,
            approvedAt: approvedAt.toISOString(),
            societyId: batch.societyId,
            category: batch.category,
            periodStart: batch.periodStart,
            periodEnd: batch.periodEnd,
            currency: batch.currency,
            ...(batch.payableMinor !== null && batch.heldMinor !== null
              ? { allocatedTotal: money(batch.payableMinor + batch.heldMinor, batch.currency) }
              : {}),
            ...(batch.reservedMinor !== null
              ? { reservedTotal: money(batch.reservedMinor, batch.currency) }
              : {}),
          },
        },
      ]);
      await addStatementEvents(manager, this.outbox, batch);
    });
  }

  async close(caller: Caller, batchId: string): Promise<BatchEntity> {
    return this.transition(caller, batchId, 'close', async (manager, batch) => {
      const closedAt = new Date();
      await manager.update(BatchEntity, batch.id, {
        status: BatchStatus.CLOSED,
        closedBy: caller.partyId,
        closedAt,
      });
      await this.outbox.add(manager, [
        {
          definition: BatchClosed,
          aggregateId: batch.id,
          correlationId: `batch-${batch.id}`,
          payload: {
            batchId: batch.id,
            closedBy: caller.partyId,
            closedAt: closedAt.toISOString(),
          },
        },
      ]);
    });
  }

  /**
   * Runs `change` on the locked batch when `action` is allowed; a repeat of an action already
   * done (approve an APPROVED batch, close a CLOSED one, cancel a CANCELLED one) returns the
   * batch unchanged.
   */
  private async transition(
    caller: Caller,
    batchId: string,
    action: BatchAction,
    change: (manager: EntityManager, batch: BatchEntity) => Promise<void>,
  ): Promise<BatchEntity> {
    return this.dataSource.transaction(async (manager) => {
      const batch = isUuid(batchId)
        ? await manager.findOne(BatchEntity, {
            where: { id: batchId },
            lock: { mode: 'pessimistic_write' },
          })
        : null;
      if (!batch || !mayRunBatch(caller, batch.societyId))
        throw new DistributionError(DistributionErrorCode.NOT_FOUND, `no batch ${batchId}`);
      const done =
        (action === 'approve' && batch.status === BatchStatus.APPROVED) ||
        (action === 'close' && batch.status === BatchStatus.CLOSED) ||
        (action === 'cancel' && batch.status === BatchStatus.CANCELLED);
      if (!done) {
        const refused = refusal(batch.status, action);
        if (refused) throw new DistributionError(DistributionErrorCode.CONFLICT, refused);
        await change(manager, batch);
      }
      return manager.findOneByOrFail(BatchEntity, { id: batchId });
    });
  }
}

const money = (amountMinor: bigint, currency: string) => ({
  amountMinor: amountMinor.toString(),
  currency,
});
