import type { IdentifierScheme } from '#libs/contracts';

/** An existing work holding one of the identifiers a registration carries. */
export interface IdentifierConflict {
  workId: string;
  scheme: IdentifierScheme;
  value: string;
  /** Holders with a share in that work now. */
  holderIds: readonly string[];
}

export type RegistrationOutcome =
  | { kind: 'create' }
  | { kind: 'duplicate'; conflict: IdentifierConflict }
  | { kind: 'dispute'; conflict: IdentifierConflict; reason: string };

/**
 * What registering a work with identifiers that already exist means. A work registered again by
 * one of its own holders, or with no holders at all, is a duplicate (an error naming the
 * existing work). A work claimed by
 * someone who holds no share in the existing one opens a dispute on it: nothing is overwritten
 * and the claim waits for an admin.
 */
export function decideRegistration(
  claimantIds: readonly string[],
  conflicts: readonly IdentifierConflict[],
): RegistrationOutcome {
  const [first] = conflicts;
  if (!first) return { kind: 'create' };
  // A registration claiming no holders has nothing to dispute: it is the same work again.
  if (claimantIds.length === 0) return { kind: 'duplicate', conflict: first };
  const own = conflicts.find((conflict) =>
    conflict.holderIds.some((holder) => claimantIds.includes(holder)),
  );
  if (own) return { kind: 'duplicate', conflict: own };
  return {
    kind: 'dispute',
    conflict: first,
    reason: `${first.scheme} ${first.value} is registered to work ${first.workId} with other holders`,
  };
}
