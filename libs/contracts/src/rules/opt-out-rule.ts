import { OptOutScope, type UseType } from '../values/enums.js';

/** An opt-out as every service sees it (from optout.* events or the opt-out service itself). */
export interface OptOutTerms {
  id: string;
  holderId: string;
  scope: OptOutScope;
  /** The work, for scope WORK. */
  workId: string | null;
  /** Use types opted out of; empty means all of them. */
  useTypes: readonly UseType[];
  effectiveFrom: Date;
  /** From this instant the opt-out no longer applies. */
  withdrawnAt: Date | null;
}

/** The holders of a work's shares (any right type) at an instant. */
export type HoldersAt = (at: Date) => ReadonlySet<string>;

/** Whether an opt-out applies at `at`, for `useType` (for any use type when omitted). */
export function isInForce(optOut: OptOutTerms, at: Date, useType?: UseType): boolean {
  const time = at.getTime();
  if (optOut.effectiveFrom.getTime() > time) return false;
  if (optOut.withdrawnAt !== null && optOut.withdrawnAt.getTime() <= time) return false;
  return useType === undefined || optOut.useTypes.length === 0 || optOut.useTypes.includes(useType);
}

/** Whether an opt-out covers a work: that work, or every work of its holder. */
export function concernsWork(optOut: OptOutTerms, workId: string): boolean {
  return optOut.scope === OptOutScope.ALL_WORKS || optOut.workId === workId;
}

/**
 * The ECL opt-out rule: a work is out of the collective scheme for a use type at time t when a
 * holder with a share in it at t has an opt-out in force for that use type at t, for that work
 * or for all its works. Returns the opt-outs that take it out (none: it is in the scheme).
 * An opt-out of a holder who has no share at t does not count, so share changes over time
 * move works in and out.
 */
export function optOutsInForce(
  workId: string,
  holdersAt: HoldersAt,
  optOuts: readonly OptOutTerms[],
  at: Date,
  useType?: UseType,
): OptOutTerms[] {
  const holders = holdersAt(at);
  return optOuts.filter(
    (optOut) =>
      holders.has(optOut.holderId) &&
      concernsWork(optOut, workId) &&
      isInForce(optOut, at, useType),
  );
}

export function isOptedOut(
  workId: string,
  holdersAt: HoldersAt,
  optOuts: readonly OptOutTerms[],
  at: Date,
  useType?: UseType,
): boolean {
  return optOutsInForce(workId, holdersAt, optOuts, at, useType).length > 0;
}

/** Holders over time from share versions (each replaces the previous from its instant). */
export function holdersOverTime(
  versions: readonly { effectiveFrom: Date; holderIds: readonly string[] }[],
): HoldersAt {
  const sorted = [...versions].sort(
    (a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime(),
  );
  return (at) => {
    let current: readonly string[] = [];
    for (const version of sorted) {
      if (version.effectiveFrom.getTime() > at.getTime()) break;
      current = version.holderIds;
    }
    return new Set(current);
  };
}
