import { createHash } from 'node:crypto';
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource, type EntityManager } from 'typeorm';
import { BatchCalculated } from '#libs/contracts';
import { RoyaltyDistributionConfig } from '#libs/config';
import { Outbox } from '#libs/messaging';
import { LOGGER, logDuration } from '#libs/runtime';
import { splitPool } from '../domain/allocation.js';
import { lastDayOf } from '../domain/lifecycle.js';
import {
  ALLOCATE,
  ANY_OPT_OUT,
  BUILD_CELL_USES,
  stageDailyUsage,
  CHECKSUM,
  COUNT_REPORTS,
  LICENSE_FEES,
  RECORD_EXCEPTIONS,
} from '../infrastructure/calculation-sql.js';
import { BatchEntity, BatchStatus, CalculationState } from '../infrastructure/batch.entities.js';

const S = 'royalty_distribution';
const POLL_MS = 1000;

/**
 * Runs requested calculations (batches in calculation state RUNNING), one at a time per
 * process and one process per batch (a session advisory lock held while it runs). Each run
 * starts from scratch and writes in two transactions, so a run stopped at any point (a crash,
 * a kill) is simply run again, here or by another replica, with the same result.
 */
@Injectable()
export class BatchCalculator implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly config: RoyaltyDistributionConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Looks for work now (after a calculation was requested). */
  kick(): void {
    if (this.running || this.stopped) return;
    this.running = this.drain()
      .catch((error: unknown) => this.logger.error({ err: error }, 'batch calculation failed'))
      .finally(() => (this.running = undefined));
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      const requested = await this.dataSource.query<{ id: string }[]>(
        `SELECT id FROM ${S}.distribution_batches WHERE calculation_state = 'RUNNING' ORDER BY id`,
      );
      let ran = false;
      for (const { id } of requested) {
        if (this.stopped) return;
        if (await this.runLocked(id)) ran = true;
      }
      if (!ran) return;
    }
  }

  /** Runs one batch under its advisory lock; false when another process holds it. */
  private async runLocked(batchId: string): Promise<boolean> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [lock] = (await runner.query(
        `SELECT pg_try_advisory_lock(hashtext('batch-calculation:' || $1)) AS locked`,
        [batchId],
      )) as { locked: boolean }[];
      if (!lock?.locked) return false;
      try {
        await this.calculate(batchId);
      } catch (error) {
        this.logger.error({ err: error, batchId }, 'batch calculation failed');
        await this.dataSource.query(
          `UPDATE ${S}.distribution_batches
           SET calculation_state = 'FAILED', calculation_phase = NULL, calculation_error = $2
           WHERE id = $1 AND calculation_state = 'RUNNING'`,
          [batchId, error instanceof Error ? error.message : String(error)],
        );
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext('batch-calculation:' || $1))`, [
          batchId,
        ]);
      }
      return true;
    } finally {
      await runner.release();
    }
  }

  /** Runs one statement of the calculation and logs how long it took. */
  private step<T>(name: string, batchId: string, work: () => Promise<T>): Promise<T> {
    return logDuration(this.logger, 'calculation step', { batchId, step: name }, work);
  }

  private async phase(batchId: string, phase: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${S}.distribution_batches SET calculation_phase = $2
       WHERE id = $1 AND calculation_state = 'RUNNING'`,
      [batchId, phase],
    );
  }

  /** DESIGN.md "Distribution algorithm", steps 1 to 6. */
  async calculate(batchId: string): Promise<void> {
    const batch = await this.dataSource.manager.findOneBy(BatchEntity, { id: batchId });
    if (!batch || batch.calculationState !== CalculationState.RUNNING) return;
    const started = performance.now();
    const scope = [batchId, batch.societyId, batch.category, batch.periodStart, batch.periodEnd];

    await this.phase(batchId, 'counting usage');
    const pool = await this.dataSource.transaction(async (manager) => {
      for (const table of ['batch_reports', 'batch_cell_uses', 'batch_cells', 'batch_exceptions'])
        await manager.query(`DELETE FROM ${S}.${table} WHERE batch_id = $1`, [batchId]);
      const pool =
        batch.poolGivenMinor ??
        BigInt(
          (
            await manager.query<{ pool: string }[]>(LICENSE_FEES, [
              batch.societyId,
              batch.category,
              batch.periodStart,
              batch.periodEnd,
              batch.currency,
            ])
          )[0]!.pool,
        );
      await this.step('COUNT_REPORTS', batchId, () =>
        manager.query(COUNT_REPORTS, [batchId, batch.periodStart, batch.periodEnd]),
      );
      const [optOuts] = await manager.query<{ any: boolean }[]>(ANY_OPT_OUT);
      if (optOuts!.any) {
        await this.step('RECORD_EXCEPTIONS', batchId, () =>
          manager.query(RECORD_EXCEPTIONS, scope),
        );
      }
      // Summing by work, day and use type keeps a hash table of every group: in memory, not on disk.
      await manager.query(`SET LOCAL work_mem = '${this.config.CALCULATION_WORK_MEM_MB}MB'`);
      await this.step('STAGE_DAILY_USAGE', batchId, () =>
        manager.query(stageDailyUsage(optOuts!.any), scope),
      );
      await manager.query(`ANALYZE pg_temp.batch_daily`);
      await this.step('BUILD_CELL_USES', batchId, () => manager.query(BUILD_CELL_USES, [batchId]));
      return pool;
    });

    await this.phase(batchId, 'allocating');
    const finished = await this.dataSource.transaction(async (manager) => {
      // A batch cancelled while it was being counted stays cancelled: nothing is allocated.
      const current = await manager.findOne(BatchEntity, {
        where: { id: batchId },
        lock: { mode: 'pessimistic_write' },
      });
      if (current?.calculationState !== CalculationState.RUNNING) return false;
      const { fee, distributable } = splitPool(pool, batch.adminFeeBps);
      await this.step('ALLOCATE', batchId, () =>
        manager.query(ALLOCATE, [
          batchId,
          distributable.toString(),
          batch.societyId,
          lastDayOf(batch.periodEnd),
        ]),
      );
      const [counted] = await manager.query<{ cells: number }[]>(
        `SELECT count(*)::int AS cells FROM ${S}.batch_cells WHERE batch_id = $1`,
        [batchId],
      );
      if (counted!.cells === 0 && distributable > 0n) {
        // No usage to share it: the whole distributable amount is reserved.
        await manager.query(
          `INSERT INTO ${S}.batch_cells (batch_id, work_key, holder_key, points, amount, status, reason)
           VALUES ($1, 'NO_USAGE', 'UNCLAIMED', 0, $2, 'RESERVED', 'NO_USAGE')`,
          [batchId, distributable.toString()],
        );
      }
      await this.finish(manager, batch, pool, fee);
      return true;
    });
    if (!finished) return;
    this.logger.info(
      { batchId, seconds: Math.round((performance.now() - started) / 100) / 10 },
      'batch calculated',
    );
  }

  private async finish(manager: EntityManager, batch: BatchEntity, pool: bigint, fee: bigint) {
    const [totals] = await manager.query<
      { payable: string; held: string; reserved: string; exceptions: number }[]
    >(
      `SELECT coalesce(sum(amount) FILTER (WHERE status = 'PAYABLE'), 0)::text AS payable,
              coalesce(sum(amount) FILTER (WHERE status = 'HELD'), 0)::text AS held,
              coalesce(sum(amount) FILTER (WHERE status = 'RESERVED'), 0)::text AS reserved,
              (SELECT count(*)::int FROM ${S}.batch_exceptions WHERE batch_id = $1) AS exceptions
       FROM ${S}.batch_cells WHERE batch_id = $1`,
      [batch.id],
    );
    const [hashed] = await manager.query<{ checksum: string }[]>(CHECKSUM, [batch.id]);
    const checksum = createHash('sha256')
      .update(
        [
          batch.periodStart,
          batch.periodEnd,
          batch.category,
          batch.currency,
          pool,
          fee,
          hashed!.checksum,
        ].join('|'),
      )
      .digest('hex');
    const payable = BigInt(totals!.payable);
    const held = BigInt(totals!.held);
    const reserved = BigInt(totals!.reserved);
    if (payable + held + reserved + fee !== pool) {
      throw new Error(
        `allocations do not reconcile: ${payable + held + reserved + fee} != ${pool}`,
      );
    }
    const calculatedAt = new Date();
    await manager.update(BatchEntity, batch.id, {
      poolMinor: pool,
      adminFeeMinor: fee,
      payableMinor: payable,
      heldMinor: held,
      reservedMinor: reserved,
      exceptionLines: totals!.exceptions,
      checksum,
      status: BatchStatus.CALCULATED,
      calculationState: CalculationState.IDLE,
      calculationPhase: null,
      calculationError: null,
      calculatedAt,
    });
    const money = (amount: bigint) => ({
      amountMinor: amount.toString(),
      currency: batch.currency,
    });
    await this.outbox.add(manager, [
      {
        definition: BatchCalculated,
        aggregateId: batch.id,
        correlationId: `batch-${batch.id}`,
        payload: {
          batchId: batch.id,
          societyId: batch.societyId,
          category: batch.category,
          periodStart: batch.periodStart,
          periodEnd: batch.periodEnd,
          pool: money(pool),
          adminFeeBps: batch.adminFeeBps,
          adminFee: money(fee),
          allocatedTotal: money(payable + held),
          reservedTotal: money(reserved),
          checksum,
        },
      },
    ]);
  }
}
