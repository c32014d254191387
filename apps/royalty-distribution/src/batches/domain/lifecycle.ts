import { CURRENCY_EXPONENTS } from '#libs/contracts';
import { periodProblem } from '../../shared/domain/period.js';

export type BatchStatusName = 'DRAFT' | 'CALCULATED' | 'APPROVED' | 'CLOSED' | 'CANCELLED';
export type BatchAction = 'calculate' | 'approve' | 'close' | 'cancel';

/**
 * DRAFT -> CALCULATED -> APPROVED -> CLOSED, and DRAFT or CALCULATED -> CANCELLED. Only a draft
 * or a calculated batch is (re)calculated or cancelled; approved batches are immutable, and a
 * cancelled batch is done with. Returns why an action is refused.
 */
export function refusal(status: BatchStatusName, action: BatchAction): string | undefined {
  switch (action) {
    case 'calculate':
      return status === 'DRAFT' || status === 'CALCULATED'
        ? undefined
        : `a ${status} batch cannot be recalculated: approved batches are immutable`;
    case 'approve':
      return status === 'CALCULATED'
        ? undefined
        : `only a CALCULATED batch can be approved (it is ${status})`;
    case 'close':
      return status === 'APPROVED'
        ? undefined
        : `only an APPROVED batch can be closed (it is ${status})`;
    case 'cancel':
      return status === 'DRAFT' || status === 'CALCULATED'
        ? undefined
        : `the batch is ${status} and cannot be cancelled: only a DRAFT or CALCULATED batch can`;
  }
}

/** A batch's period, as a refusal names it. */
export interface BatchPeriod {
  periodStart: string;
  periodEnd: string;
}

/**
 * Batches of one society and category never overlap in period unless one is cancelled
 * (DESIGN.md "Distribution algorithm", step 3): the refusal of a new batch whose period
 * overlaps `existing`'s, naming it.
 */
export function overlapRefusal(category: string, existing: BatchPeriod & { id: string }): string {
  return (
    `the society's ${category} batch ${existing.id} for [${existing.periodStart}, ${existing.periodEnd}) ` +
    'overlaps this period: its usage would be paid twice; cancel that batch first, or choose ' +
    'a period that does not overlap it'
  );
}

/** Whether two periods [start, end) share a day. */
export function periodsOverlap(a: BatchPeriod, b: BatchPeriod): boolean {
  return a.periodStart < b.periodEnd && b.periodStart < a.periodEnd;
}

export interface BatchDraft {
  periodStart: string;
  periodEnd: string;
  poolAmountMinor?: string | null;
  currency: string;
  adminFeeBps: number;
}

/** Everything wrong with a batch's terms. */
export function batchProblems(draft: BatchDraft): string[] {
  const problems: string[] = [];
  const period = periodProblem(draft.periodStart, draft.periodEnd);
  if (period) problems.push(period);
  if (
    draft.poolAmountMinor !== null &&
    draft.poolAmountMinor !== undefined &&
    !/^(0|[1-9]\d{0,30})$/.test(draft.poolAmountMinor)
  )
    problems.push('poolAmountMinor must be a whole number of minor units, 0 or more');
  if (CURRENCY_EXPONENTS[draft.currency] === undefined)
    problems.push(`currency must be one of ${Object.keys(CURRENCY_EXPONENTS).join(', ')}`);
  if (!Number.isInteger(draft.adminFeeBps) || draft.adminFeeBps < 0 || draft.adminFeeBps > 10_000)
    problems.push('adminFeeBps must be a whole number from 0 to 10000');
  return problems;
}

/** The last day of a period [start, end). */
export function lastDayOf(periodEnd: string): string {
  return new Date(Date.parse(`${periodEnd}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
