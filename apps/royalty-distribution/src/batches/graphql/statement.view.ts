import { moneyOf } from '#libs/runtime';
import type { StatementSummary } from '../application/statement-documents.js';
import type { Statement } from './batch.types.js';

/** A statement summary as the API shows it (its lines are resolved when asked for). */
export function statementView(summary: StatementSummary): Statement {
  const { batch } = summary;
  const money = (amount: bigint) => moneyOf(amount, batch.currency);
  return {
    holder: { id: summary.holderId },
    holderName: summary.holderName,
    batchId: batch.id,
    batchStatus: batch.status,
    approvedAt: batch.approvedAt,
    society: { id: batch.societyId },
    societyName: summary.societyName,
    category: batch.category,
    periodStart: batch.periodStart,
    periodEnd: batch.periodEnd,
    currency: batch.currency,
    useTypes: summary.useTypes,
    totalPayable: money(summary.payable),
    totalHeld: money(summary.held),
    totalReserved: money(summary.reserved),
    totalClaimed: money(summary.claimed),
  };
}
