import { Role } from '#libs/contracts';
import type { Caller } from './share-permissions.js';

/**
 * The two sides of a dispute on a work. The holders' side holds shares in the work now and would
 * lose them if the claim were accepted; the claimant's side asked for them.
 */
export interface DisputeSides {
  /** Holders of a share in the work now. */
  holders: ReadonlySet<string>;
  /** Societies of which a current holder is a member today. */
  holderSocieties: ReadonlySet<string>;
  /**
   * The claimant, the party that opened the dispute, and the holders it claims shares for that
   * hold none now.
   */
  claimants: ReadonlySet<string>;
  /** Societies of which a party on the claimant's side was a member since the dispute opened. */
  claimantSocieties: ReadonlySet<string>;
}

/** Whether the caller is the claimant's side, or the admin of a society on that side. */
function onClaimantSide(caller: Caller, sides: DisputeSides): boolean {
  return sides.claimants.has(caller.partyId) || sides.claimantSocieties.has(caller.partyId);
}

/** Whether the caller is the admin of a current holder's society that is not also a claimant's. */
function holdersSocietyOnly(caller: Caller, sides: DisputeSides): boolean {
  return (
    caller.role === Role.SOCIETY_ADMIN &&
    sides.holderSocieties.has(caller.partyId) &&
    !onClaimantSide(caller, sides)
  );
}

/**
 * Who may settle a dispute (accept or reject the claim): the operator, or the admin of a society
 * of the work's current holders, unless that society is also on the claimant's side (then only
 * the operator). Nobody on the claimant's side settles its own claim.
 */
export function maySettleDispute(caller: Caller, sides: DisputeSides): boolean {
  return caller.role === Role.OPERATOR || holdersSocietyOnly(caller, sides);
}

/**
 * Who may withdraw a claim: the operator, or the claimant's side (the claimant, a claimed holder,
 * the party that opened the dispute, or the admin of a society of one of them).
 */
export function mayWithdrawDispute(caller: Caller, sides: DisputeSides): boolean {
  switch (caller.role) {
    case Role.OPERATOR:
      return true;
    case Role.RIGHT_HOLDER:
      return sides.claimants.has(caller.partyId);
    case Role.SOCIETY_ADMIN:
      return onClaimantSide(caller, sides);
    case Role.PLATFORM:
      return false;
  }
}

/**
 * Who may answer a claim for the holders' side: a current holder itself, or the admin of a
 * current holder's society that is not also on the claimant's side.
 */
export function mayAnswerDispute(caller: Caller, sides: DisputeSides): boolean {
  switch (caller.role) {
    case Role.RIGHT_HOLDER:
      return sides.holders.has(caller.partyId) && !sides.claimants.has(caller.partyId);
    case Role.SOCIETY_ADMIN:
      return holdersSocietyOnly(caller, sides);
    case Role.OPERATOR:
    case Role.PLATFORM:
      return false;
  }
}

/**
 * The claimant of a dispute opened by `caller` claiming shares for `claimedHolders`: the caller
 * when it claims for itself, else the first holder it claims for (a society admin or the
 * operator registering on a holder's behalf).
 */
export function claimantOf(caller: Caller, claimedHolders: readonly string[]): string {
  return claimedHolders.includes(caller.partyId)
    ? caller.partyId
    : (claimedHolders[0] ?? caller.partyId);
}

/**
 * Why the opener may not open another dispute, or undefined when it may: at most `perDay`
 * disputes in 24 hours by one party, counted as the party registering and as the claimant
 * (withdrawn and settled ones count too). The operator is not limited.
 */
export function disputeLimitRefusal(
  caller: Caller,
  openedInLastDay: number,
  perDay: number,
): string | undefined {
  if (caller.role === Role.OPERATOR || openedInLastDay < perDay) return undefined;
  return `at most ${perDay} disputes may be opened in 24 hours by or for one party, and ${openedInLastDay} were; ask the operator to register this claim`;
}

/**
 * What the caller may do with a dispute now: answer or withdraw it, by the rules above, while
 * it is still open (a settled or withdrawn dispute takes neither).
 */
export function disputeActions(
  caller: Caller,
  sides: DisputeSides,
  open: boolean,
): { answer: boolean; withdraw: boolean } {
  return {
    answer: open && mayAnswerDispute(caller, sides),
    withdraw: open && mayWithdrawDispute(caller, sides),
  };
}
