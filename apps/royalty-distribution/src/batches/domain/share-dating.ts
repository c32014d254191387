import { WHOLE_BPS, type Cell } from './allocation.js';

/** A share of a work in a version: a holder's basis points of one right type. */
export interface DatedShare {
  holderId: string;
  rightType: string;
  shareBps: number;
}

/** A complete set of a work's shares, replacing the previous one from `effectiveFrom`. */
export interface DatedShareVersion {
  effectiveFrom: Date;
  shares: readonly DatedShare[];
}

/** The instant day `usageDate` (YYYY-MM-DD) starts, in UTC. */
const dayStart = (usageDate: string): number => Date.parse(`${usageDate}T00:00:00Z`);

/**
 * The share version that pays a work's usage of day `usageDate` (DESIGN.md "Distribution
 * algorithm", step 3): the version in force at the start of that day (UTC). Rights exist before
 * they are registered, so the work's first version reaches back without limit, the day of
 * registration included; later versions (updates, settled disputes) apply from the first day
 * that starts after them. Undefined only for a work without versions.
 */
export function shareVersionFor<V extends { effectiveFrom: Date }>(
  versions: readonly V[],
  usageDate: string,
): V | undefined {
  const sorted = [...versions].sort(
    (a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime(),
  );
  const start = dayStart(usageDate);
  let current = sorted[0];
  for (const version of sorted.slice(1)) {
    if (version.effectiveFrom.getTime() > start) break;
    current = version;
  }
  return current;
}

/**
 * Step 3 for usage of one identified work on one day, `points` = quantity x weight: each share
 * of `rightType` in the version that pays that day adds points x s to (work, holder); the part
 * of 10000 not covered adds to (work, UNCLAIMED). Cells without points are left out.
 */
export function usageCells(
  workId: string,
  versions: readonly DatedShareVersion[],
  usageDate: string,
  rightType: string,
  points: bigint,
): Cell[] {
  const shares = (shareVersionFor(versions, usageDate)?.shares ?? []).filter(
    (share) => share.rightType === rightType,
  );
  const claimed = shares.reduce((sum, share) => sum + BigInt(share.shareBps), 0n);
  return [
    ...shares.map((share) => ({
      workKey: workId,
      holderKey: share.holderId,
      points: points * BigInt(share.shareBps),
    })),
    { workKey: workId, holderKey: 'UNCLAIMED', points: points * (WHOLE_BPS - claimed) },
  ].filter((cell) => cell.points > 0n);
}
