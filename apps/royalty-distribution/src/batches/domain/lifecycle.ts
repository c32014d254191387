import { CURRENCY_EXPONENTS } from '#libs/contracts';
import { periodProblem } from '../../shared/domain/period.js';

export type BatchStatusName = 'DRAFT' | 'CALCULATED' | 'APPROVED' | 'CLOSED';
export type BatchAction = 'calculate' | 'approve' | 'close';

/**
 * DRAFT -> CALCULATED -> APPROVED -> CLOSED. Only a draft or a calculated batch is
 * (re)calculated; approved batches are immutable. Returns why an action is refused.
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
  }
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
