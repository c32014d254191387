import type { EntityManager } from 'typeorm';
import { StatementAvailable } from '#libs/contracts';
import type { Outbox } from '#libs/messaging';
import type { BatchEntity } from '../infrastructure/batch.entities.js';
import { BATCH_STATEMENTS_PAGE, type StatementRow } from '../infrastructure/statement-sql.js';

/** Statements read (and their events written) at once when a batch is approved. */
export const STATEMENTS_PAGE = 5_000;

/**
 * Writes `distribution.statement.available` for each holder with a statement in the batch
 * (in the transaction of `manager`), a page of holders at a time: one read and one write a
 * page, never one a holder. Returns how many it wrote.
 */
export async function addStatementEvents(
  manager: EntityManager,
  outbox: Outbox,
  batch: BatchEntity,
  pageSize = STATEMENTS_PAGE,
): Promise<number> {
  let after = '';
  let written = 0;
  for (;;) {
    const rows = await manager.query<StatementRow[]>(BATCH_STATEMENTS_PAGE, [
      batch.id,
      after,
      pageSize,
    ]);
    await outbox.addPrepared(
      manager,
      rows.map((row, index) =>
        outbox.prepare(
          {
            definition: StatementAvailable,
            aggregateId: batch.id,
            correlationId: `batch-${batch.id}`,
            payload: {
              batchId: batch.id,
              holderId: row.holder_id,
              societyId: batch.societyId,
              category: batch.category,
              periodStart: batch.periodStart,
              periodEnd: batch.periodEnd,
              totalPayable: { amountMinor: row.payable, currency: batch.currency },
              totalHeld: { amountMinor: row.held, currency: batch.currency },
            },
          },
          // Every payload is built here from the batch and its sums: checking one is enough.
          { validatePayload: written === 0 && index === 0 },
        ),
      ),
    );
    written += rows.length;
    if (rows.length < pageSize) return written;
    after = rows[rows.length - 1]!.holder_id;
  }
}
