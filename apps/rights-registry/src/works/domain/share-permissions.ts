import { Role } from '#libs/contracts';
import type { Share } from './shares.js';

export interface Caller {
  role: Role;
  partyId: string;
}

/** How far in the past a new share version's `effectiveFrom` may lie (clock skew). */
export const EFFECTIVE_FROM_TOLERANCE_MS = 60_000;

/**
 * Who may change a work's shares: the operator; a holder with a share in the work now; the
 * admin of a society of which such a holder is a member.
 */
export function mayChangeShares(
  caller: Caller,
  currentHolders: ReadonlySet<string>,
  societiesOfHolders: ReadonlySet<string>,
): boolean {
  switch (caller.role) {
    case Role.OPERATOR:
      return true;
    case Role.RIGHT_HOLDER:
      return currentHolders.has(caller.partyId);
    case Role.SOCIETY_ADMIN:
      return societiesOfHolders.has(caller.partyId);
    case Role.PLATFORM:
      return false;
  }
}

/** Holders whose share of some right type is lower in `after` than in `before`, or gone. */
export function loweredHolders(before: readonly Share[], after: readonly Share[]): string[] {
  const bps = (shares: readonly Share[], { holderId, rightType }: Share) =>
    shares.find((s) => s.holderId === holderId && s.rightType === rightType)?.shareBps ?? 0;
  return [
    ...new Set(before.filter((share) => bps(after, share) < share.shareBps).map((s) => s.holderId)),
  ];
}

/**
 * Why the caller may not replace the shares `before` with `after`, or undefined when it may.
 * The operator changes any shares. Anyone else lowers or removes only its own share (a right
 * holder) or its members' today (a society's admin): taking a share from another holder is a
 * claim, settled through a dispute or by the operator. Raising or adding shares is not limited
 * here (the shares must still add up: `shareProblems`).
 */
export function shareChangeRefusal(
  caller: Caller,
  before: readonly Share[],
  after: readonly Share[],
  isCallersMember: (holderId: string) => boolean,
): string | undefined {
  if (caller.role === Role.OPERATOR) return undefined;
  const mayLower = (holderId: string) =>
    holderId === caller.partyId ||
    (caller.role === Role.SOCIETY_ADMIN && isCallersMember(holderId));
  const others = loweredHolders(before, after).filter((holderId) => !mayLower(holderId));
  if (others.length === 0) return undefined;
  const who =
    caller.role === Role.SOCIETY_ADMIN
      ? "a society admin lowers only its members' shares"
      : 'a right holder lowers only its own share';
  return `this change lowers or removes the share of ${others.length > 1 ? 'holders' : 'holder'} ${others.join(', ')}, and ${who}: to take a share from another holder, open a dispute by registering the claim, or ask the operator`;
}

/**
 * Why a new share version may not take effect at `effectiveFrom`, or undefined when it may: only
 * the operator back-dates shares (batches not yet approved are paid by them); anyone else sets
 * them from now on, allowing `EFFECTIVE_FROM_TOLERANCE_MS` for clock skew.
 */
export function effectiveFromProblem(
  caller: Caller,
  effectiveFrom: Date,
  now: Date,
): string | undefined {
  if (caller.role === Role.OPERATOR) return undefined;
  return effectiveFrom.getTime() < now.getTime() - EFFECTIVE_FROM_TOLERANCE_MS
    ? 'effectiveFrom may not be in the past; only the operator back-dates shares'
    : undefined;
}
