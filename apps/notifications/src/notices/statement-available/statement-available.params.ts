import type { StatementAvailableV1 } from '#libs/contracts';
import { PORTAL_PATHS } from '../domain/mail-notice-kinds.js';

/** The params of a `STATEMENT_AVAILABLE` notice: the period, the category, what is payable and held. */
export function statementAvailableParams(event: StatementAvailableV1): Record<string, unknown> {
  return {
    periodFrom: event.periodStart,
    periodTo: event.periodEnd,
    category: event.category,
    amount: event.totalPayable,
    held: event.totalHeld,
    path: PORTAL_PATHS.statement(event.batchId),
  };
}
