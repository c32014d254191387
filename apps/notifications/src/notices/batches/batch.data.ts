import type { BatchApprovedV1, BatchCalculatedV1 } from '#libs/contracts';

/** The `data` of a `batch.calculated` webhook: the batch's terms and totals. */
export function batchCalculatedData(event: BatchCalculatedV1): Record<string, unknown> {
  return {
    batchId: event.batchId,
    category: event.category,
    periodStart: event.periodStart,
    periodEnd: event.periodEnd,
    pool: event.pool,
    adminFeeBps: event.adminFeeBps,
    adminFee: event.adminFee,
    allocatedTotal: event.allocatedTotal,
    reservedTotal: event.reservedTotal,
    checksum: event.checksum,
  };
}

/**
 * The `data` of a `batch.approved` webhook: the approval and, when the event carries them, the
 * batch's terms and totals (null otherwise). Who approved is not told (a person's account).
 */
export function batchApprovedData(event: BatchApprovedV1): Record<string, unknown> {
  return {
    batchId: event.batchId,
    checksum: event.checksum,
    approvedAt: event.approvedAt,
    category: event.category ?? null,
    periodStart: event.periodStart ?? null,
    periodEnd: event.periodEnd ?? null,
    allocatedTotal: event.allocatedTotal ?? null,
    reservedTotal: event.reservedTotal ?? null,
  };
}
