import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { SingleBar } from 'cli-progress';
import type { WorkCategory } from '#libs/contracts';
import { BatchHandlers } from '../../apps/royalty-distribution/src/batches/application/batch.handlers.js';
import { BatchQueries } from '../../apps/royalty-distribution/src/batches/application/batch.queries.js';
import {
  BatchStatus,
  CalculationState,
} from '../../apps/royalty-distribution/src/batches/infrastructure/batch.entities.js';
import { ReserveHandlers } from '../../apps/royalty-distribution/src/reserves/application/reserve.handlers.js';
import { DistributionError } from '../../apps/royalty-distribution/src/shared/domain/distribution.errors.js';
import { CLI_OPERATOR as OPERATOR, withProgressBar, withServiceApp } from './service-app.js';

async function guarded(work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DistributionError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
}

export interface CreateOptions {
  society: string;
  category: WorkCategory;
  periodStart: string;
  periodEnd: string;
  currency: string;
  adminFeeBps: number;
  pool?: string;
}

async function create(app: NestFastifyApplication, options: CreateOptions): Promise<string> {
  const batch = await app.get(BatchHandlers).create(OPERATOR, {
    societyId: options.society,
    category: options.category,
    periodStart: options.periodStart,
    periodEnd: options.periodEnd,
    currency: options.currency,
    adminFeeBps: options.adminFeeBps,
    poolAmountMinor: options.pool ?? null,
  });
  process.stdout.write(`${batch.id}\n`);
  return batch.id;
}

/** `distribution create`: prints the new batch's id. */
export function createBatch(options: CreateOptions): Promise<number> {
  return withServiceApp('royalty-distribution', (app) =>
    guarded(async () => {
      await create(app, options);
      return 0;
    }),
  );
}

/** `distribution calculate <id>`: runs it here, showing its phase; prints totals and checksum. */
export function calculateBatch(id: string): Promise<number> {
  return withServiceApp('royalty-distribution', (app) => guarded(() => calculate(app, id)));
}

async function calculate(app: NestFastifyApplication, id: string): Promise<number> {
  await app.get(BatchHandlers).calculate(OPERATOR, id);
  return withProgressBar('{phase} |{bar}| {value}/{total} steps', (bar) =>
    followCalculation(app, id, bar),
  );
}

async function followCalculation(
  app: NestFastifyApplication,
  id: string,
  bar: SingleBar,
): Promise<number> {
  const queries = app.get(BatchQueries);
  const phases = ['queued', 'counting usage', 'allocating'];
  bar.start(phases.length, 0, { phase: 'queued' });
  for (;;) {
    const batch = (await queries.byId(id))!;
    if (batch.calculationState !== CalculationState.RUNNING) {
      bar.update(phases.length, {
        phase: batch.calculationState === CalculationState.FAILED ? 'failed' : 'done',
      });
      bar.stop();
      if (batch.calculationState === CalculationState.FAILED) {
        process.stderr.write(`calculation failed: ${batch.calculationError}\n`);
        return 1;
      }
      const money = (amount: bigint | null) => `${amount ?? 0n} ${batch.currency}`;
      process.stdout.write(
        [
          `batch ${batch.id} CALCULATED`,
          `pool ${money(batch.poolMinor)}, admin fee ${money(batch.adminFeeMinor)}`,
          `payable ${money(batch.payableMinor)}, held ${money(batch.heldMinor)}, reserved ${money(batch.reservedMinor)}`,
          `exceptions ${batch.exceptionLines ?? 0}, checksum ${batch.checksum}`,
        ].join('\n') + '\n',
      );
      return 0;
    }
    const phase = batch.calculationPhase ?? 'queued';
    bar.update(Math.max(0, phases.indexOf(phase)), { phase });
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function approve(app: NestFastifyApplication, id: string): Promise<number> {
  const batch = await app.get(BatchHandlers).approve(OPERATOR, id);
  process.stdout.write(`batch ${batch.id} ${batch.status}\n`);
  return 0;
}

/** `distribution approve <id>`. */
export function approveBatch(id: string): Promise<number> {
  return withServiceApp('royalty-distribution', (app) => guarded(() => approve(app, id)));
}

/** `distribution cancel <id>`: a batch not yet approved no longer counts (its period is free again). */
export function cancelBatch(id: string): Promise<number> {
  return withServiceApp('royalty-distribution', (app) =>
    guarded(async () => {
      const batch = await app.get(BatchHandlers).cancel(OPERATOR, id);
      process.stdout.write(`batch ${batch.id} ${batch.status}\n`);
      return 0;
    }),
  );
}

/**
 * `distribution run`: creates a batch and calculates it, with progress (the id first, then the
 * totals); with `approve`, approves it once calculated. Stops at the first step that fails.
 */
export function runBatch(options: CreateOptions & { approve?: boolean }): Promise<number> {
  return withServiceApp('royalty-distribution', (app) =>
    guarded(async () => {
      const id = await create(app, options);
      const calculated = await calculate(app, id);
      return calculated !== 0 || !options.approve ? calculated : approve(app, id);
    }),
  );
}

/** `distribution export <id> [--out file]`: every allocation as CSV (stdout or a file). */
export function exportBatch(id: string, out?: string): Promise<number> {
  return withServiceApp('royalty-distribution', (app) =>
    guarded(async () => {
      const queries = app.get(BatchQueries);
      const batch = await queries.byId(id);
      if (!batch || batch.status === BatchStatus.DRAFT) {
        process.stderr.write(`no calculated batch ${id}\n`);
        return 1;
      }
      const csv = await queries.allocationsCsv(batch);
      if (out) await pipeline(csv, createWriteStream(out));
      else await pipeline(csv, process.stdout, { end: false });
      return 0;
    }),
  );
}

/** `reserves release [--as-of date]`: releases reserves whose claim period ended. */
export function releaseReserves(asOf?: string): Promise<number> {
  return withServiceApp('royalty-distribution', (app) =>
    guarded(async () => {
      const day = asOf ?? new Date().toISOString().slice(0, 10);
      const released = await app.get(ReserveHandlers).release(OPERATOR, day);
      process.stdout.write(`released ${released} reserve(s) whose claim period ended by ${day}\n`);
      return 0;
    }),
  );
}
