import { RightType } from '#libs/contracts';

/** A holder's part of one right in a work, in basis points (10000 = the whole right). */
export interface Share {
  holderId: string;
  rightType: RightType;
  shareBps: number;
}

export const WHOLE_RIGHT_BPS = 10_000;

/**
 * What is wrong with a set of shares, in words a person can act on: each share is 1 to 10000
 * basis points, a holder appears once per right type, and each right type's shares add up to
 * at most 10000 (the rest stays unclaimed).
 */
export function shareProblems(shares: readonly Share[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const totals = new Map<RightType, number>();
  shares.forEach((share, index) => {
    if (
      !Number.isInteger(share.shareBps) ||
      share.shareBps < 1 ||
      share.shareBps > WHOLE_RIGHT_BPS
    ) {
      problems.push(
        `shares[${index}]: shareBps must be a whole number from 1 to ${WHOLE_RIGHT_BPS}`,
      );
    }
    const key = `${share.holderId}/${share.rightType}`;
    if (seen.has(key))
      problems.push(
        `shares[${index}]: holder ${share.holderId} appears twice for ${share.rightType}`,
      );
    seen.add(key);
    totals.set(share.rightType, (totals.get(share.rightType) ?? 0) + share.shareBps);
  });
  for (const rightType of Object.values(RightType)) {
    const total = totals.get(rightType) ?? 0;
    if (total > WHOLE_RIGHT_BPS) {
      problems.push(
        `${rightType} shares add up to ${total} basis points; at most ${WHOLE_RIGHT_BPS}`,
      );
    }
  }
  return problems;
}

/** Basis points of a right type that no holder claims. */
export function unclaimedBps(shares: readonly Share[], rightType: RightType): number {
  return (
    WHOLE_RIGHT_BPS -
    shares.filter((s) => s.rightType === rightType).reduce((sum, s) => sum + s.shareBps, 0)
  );
}
