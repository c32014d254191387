import type { ClaimSettledV1 } from '#libs/contracts';
import { PORTAL_PATHS } from '../domain/mail-notice-kinds.js';

/** The `data` of a `claim.settled` webhook. */
export function claimSettledData(event: ClaimSettledV1): Record<string, unknown> {
  return {
    claimId: event.claimId,
    reserveId: event.reserveId,
    batchId: event.batchId ?? null,
    holderId: event.holderId,
    amount: event.amount,
    settledAt: event.settledAt,
  };
}

/**
 * The societies told of a settled claim: the one whose reserve paid it, and the claimant's
 * society if it is another; none when neither is known.
 */
export function claimSocieties(
  payingSocietyId: string | undefined,
  claimantSocietyId: string | null | undefined,
): string[] {
  return [...new Set([payingSocietyId, claimantSocietyId].filter((id): id is string => !!id))];
}

/** The params of the claimant's `CLAIM_SETTLED` mail notice. */
export function claimSettledNotice(event: ClaimSettledV1): Record<string, unknown> {
  return {
    amount: event.amount,
    settledAt: event.settledAt,
    workTitle: null,
    path: PORTAL_PATHS.claims,
  };
}
