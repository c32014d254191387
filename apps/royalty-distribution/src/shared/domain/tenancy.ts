import { Role } from '#libs/contracts';

/** A caller as the rules see it: a party acting in a role (anonymous callers are null). */
export interface Caller {
  role: Role;
  partyId: string;
}

/**
 * Who may see and do what in royalty distribution (ADR 16). Each rule is stated once here; a
 * read or a change of something the caller may not see is refused as NOT_FOUND, the same
 * answer as for an id that does not exist.
 */

/** Reserve reasons published to anyone: money without a known holder to pay. */
export const PUBLIC_RESERVE_REASONS: readonly string[] = [
  'UNCLAIMED',
  'UNIDENTIFIED',
  'DISPUTED',
  'NO_USAGE',
];

/** Who runs a society's batches (and settles claims on their reserves): the operator, or that society's admin. */
export function mayRunBatch(caller: Caller | null, societyId: string): boolean {
  return (
    caller?.role === Role.OPERATOR ||
    (caller?.role === Role.SOCIETY_ADMIN && caller.partyId === societyId)
  );
}

/**
 * Who acts for a holder (claims its money, reads its statements): the holder itself, an admin
 * of a society it is a member of, or the operator.
 */
export function mayActForHolder(
  caller: Caller | null,
  holderId: string,
  holderSocietyIds: readonly string[],
): boolean {
  switch (caller?.role) {
    case Role.OPERATOR:
      return true;
    case Role.RIGHT_HOLDER:
      return caller.partyId === holderId;
    case Role.SOCIETY_ADMIN:
      return holderSocietyIds.includes(caller.partyId);
    default:
      return false;
  }
}

/** Batch statuses whose statements whoever runs the batch reads (a cancelled batch pays nothing). */
export const RUN_STATEMENT_STATUSES: readonly string[] = ['CALCULATED', 'APPROVED', 'CLOSED'];

/**
 * Batch statuses whose statements are published to the holder's side (the holder, an admin of
 * its society): an approved batch no longer changes, a calculated one may still be recalculated.
 */
export const PUBLISHED_STATEMENT_STATUSES: readonly string[] = ['APPROVED', 'CLOSED'];

/**
 * A holder's statement of a batch: whoever runs the batch once it is calculated; whoever acts
 * for the holder once it is approved. `statementScope` is the same rule for lists (SQL).
 */
export function mayReadStatement(
  caller: Caller | null,
  statement: {
    batchSocietyId: string;
    batchStatus: string;
    holderId: string;
    holderSocietyIds: readonly string[];
  },
): boolean {
  return (
    (RUN_STATEMENT_STATUSES.includes(statement.batchStatus) &&
      mayRunBatch(caller, statement.batchSocietyId)) ||
    (PUBLISHED_STATEMENT_STATUSES.includes(statement.batchStatus) &&
      mayActForHolder(caller, statement.holderId, statement.holderSocietyIds))
  );
}

/**
 * Which statements (or claims) a caller lists: the operator every one; an admin those of its
 * society's batches and of its members; a right holder its own; anyone else none.
 */
export type ListScope =
  { everything: true } | { everything: false; ofSociety: string | null; ofHolder: string | null };

export function listScope(caller: Caller | null): ListScope {
  if (caller?.role === Role.OPERATOR) return { everything: true };
  return {
    everything: false,
    ofSociety: caller?.role === Role.SOCIETY_ADMIN ? caller.partyId : null,
    ofHolder: caller?.role === Role.RIGHT_HOLDER ? caller.partyId : null,
  };
}

/**
 * The holder a list is about: the one asked for, or (none asked) a right holder's own party.
 * A right holder asking for another holder gets null: it lists nothing.
 */
export function listedHolder(
  caller: Caller | null,
  asked: string | null | undefined,
): { holderId: string | null; nothing: boolean } {
  if (caller?.role === Role.RIGHT_HOLDER)
    return { holderId: caller.partyId, nothing: !!asked && asked !== caller.partyId };
  return { holderId: asked ?? null, nothing: false };
}

/** Which reserves a caller sees beyond the public ones. */
export type ReserveScope =
  | { everything: true }
  | { everything: false; ofSociety: string | null; heldForHolder: string | null };

/**
 * The public reserve (PUBLIC_RESERVE_REASONS) is seen by anyone. Money held for a known holder
 * (NON_MEMBER) is seen by whoever acts for that holder (the holder, an admin of its society,
 * the operator) and by the admin of the society whose batch holds it.
 */
export function reserveScope(caller: Caller | null): ReserveScope {
  if (caller?.role === Role.OPERATOR) return { everything: true };
  return {
    everything: false,
    ofSociety: caller?.role === Role.SOCIETY_ADMIN ? caller.partyId : null,
    heldForHolder: caller?.role === Role.RIGHT_HOLDER ? caller.partyId : null,
  };
}

export function mayReadReserve(
  caller: Caller | null,
  reserve: {
    reason: string;
    holderKey: string;
    batchSocietyId: string;
    /** Societies the holder of held money is a member of today. */
    holderSocietyIds: readonly string[];
  },
): boolean {
  const scope = reserveScope(caller);
  return (
    scope.everything ||
    PUBLIC_RESERVE_REASONS.includes(reserve.reason) ||
    scope.heldForHolder === reserve.holderKey ||
    (scope.ofSociety !== null &&
      (scope.ofSociety === reserve.batchSocietyId ||
        reserve.holderSocietyIds.includes(scope.ofSociety)))
  );
}

/**
 * A claim (with its evidence): whoever acts for the claiming holder, and whoever runs the
 * batch whose reserve it claims (to settle it).
 */
export function mayReadClaim(
  caller: Caller | null,
  claim: { holderId: string; holderSocietyIds: readonly string[]; batchSocietyId: string },
): boolean {
  return (
    mayRunBatch(caller, claim.batchSocietyId) ||
    mayActForHolder(caller, claim.holderId, claim.holderSocietyIds)
  );
}

/** A usage report: the platform that sent it, and the operator. */
export function mayReadUsageReport(caller: Caller | null, platformId: string): boolean {
  return (
    caller?.role === Role.OPERATOR ||
    (caller?.role === Role.PLATFORM && caller.partyId === platformId)
  );
}
