import type { WorkDisputeOpenedV1 } from '#libs/contracts';
import { PORTAL_PATHS } from '../domain/mail-notice-kinds.js';

/** The params of a `DISPUTE_OPENED` notice (the work by its title, its id when not known yet). */
export function disputeOpenedParams(
  event: WorkDisputeOpenedV1,
  workTitle: string | undefined,
): Record<string, unknown> {
  return {
    workTitle: workTitle ?? event.workId,
    reason: event.reason,
    openedAt: event.openedAt,
    path: PORTAL_PATHS.disputes,
  };
}

/** Each party of the dispute once. */
export function disputeParties(event: WorkDisputeOpenedV1): string[] {
  return [...new Set(event.partyIds)];
}
