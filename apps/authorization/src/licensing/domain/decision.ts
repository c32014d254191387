import {
  Decision,
  type HoldersAt,
  type OptOutTerms,
  type UseType,
  type WorkCategory,
  optOutsInForce,
} from '#libs/contracts';
import { feeFor, schemeFor, type SchemeTerms } from '../../schemes/domain/scheme.js';

/** One item of a use request, checked: dates are calendar days, the period is [from, to). */
export interface UseItem {
  category: WorkCategory | null;
  useType: UseType;
  territory: string;
  from: string;
  to: string;
  expectedQuantity: number;
}

/** What is known about the item's work when deciding. */
export interface ItemFacts {
  /** The resolved work, or null when it could not be identified. */
  work: {
    id: string;
    category: WorkCategory;
    holdersAt: HoldersAt;
    disputed: boolean;
  } | null;
  /** How an unidentified work will be matched later (its identifier, title, or id given). */
  unidentifiedReference: string;
  /**
   * Registered works an unidentified title is close to without being certainly one of them
   * (a near miss, or several works equally close), best first; empty when nothing is near.
   */
  nearMisses: readonly NearMiss[];
  schemes: readonly SchemeTerms[];
  /** Opt-outs of the holders of the work (withdrawn ones included). */
  optOuts: readonly OptOutTerms[];
  /** The opt-out view is behind by more than it may be: grant nothing. */
  optOutViewStale: boolean;
}

/** A registered work close to an unidentified item's title. */
export interface NearMiss {
  id: string;
  title: string;
  holdersAt: HoldersAt;
}

export interface ItemDecision {
  decision: Decision;
  /** Why, in words a person can read. */
  reason: string;
  scheme?: SchemeTerms;
  /** Granted: the license's period [validFrom, validTo) and fee. */
  license?: { validFrom: string; validTo: string; feeMinor: bigint; currency: string };
  /** Denied because of opt-outs: the holders to ask for a direct license. */
  contactHolderIds: string[];
  unidentifiedReference: string | null;
  /**
   * PENDING only because the opt-out view was behind: decided again once it is fresh. A near
   * miss stays PENDING until the platform names the work (a person decides).
   */
  awaitsOptOutView?: true;
}

/** The instant a calendar day starts (UTC). */
export const startOf = (day: string): Date => new Date(`${day}T00:00:00.000Z`);

/**
 * Decides one item, in the order of DESIGN.md "Licensing decisions": out of scope, opted out
 * on the start date, (fail closed when the opt-out view is stale), disputed, unidentified,
 * granted. A title close to registered works without being certainly one of them is never
 * licensed as unidentified: it waits (PENDING) for the platform to name the work. A license ends before an opt-out scheduled inside its period takes effect.
 */
export function decide(item: UseItem, facts: ItemFacts): ItemDecision {
  const none = { contactHolderIds: [], unidentifiedReference: null };
  const category = facts.work?.category ?? item.category;
  if (!category) {
    return {
      decision: Decision.OUT_OF_SCOPE,
      reason: 'the work was not identified and the item names no category',
      ...none,
    };
  }
  const scheme = schemeFor(facts.schemes, category, item.useType, item.territory);
  if (!scheme) {
    return {
      decision: Decision.OUT_OF_SCOPE,
      reason: `no ECL scheme covers ${item.useType} of ${category} in ${item.territory}`,
      ...none,
    };
  }
  if (facts.optOutViewStale) {
    return {
      decision: Decision.PENDING,
      reason:
        'opt-out records are being brought up to date; it is decided again once they are, or ask again in a few seconds',
      scheme,
      awaitsOptOutView: true,
      ...none,
    };
  }
  const start = startOf(item.from);
  if (facts.work) {
    const work = facts.work;
    const optedOut = optOutsInForce(work.id, work.holdersAt, facts.optOuts, start, item.useType);
    if (optedOut.length) {
      const holders = [...new Set(optedOut.map((o) => o.holderId))].sort();
      return {
        decision: Decision.DENIED_OPTED_OUT,
        reason: `opted out of extended collective licensing by ${holders.length === 1 ? 'holder' : 'holders'} ${holders.join(', ')} from ${
          optedOut.map((o) => o.effectiveFrom.toISOString()).sort()[0]!
        }: ask the holder for a direct license`,
        scheme,
        contactHolderIds: holders,
        unidentifiedReference: null,
      };
    }
  } else if (facts.nearMisses.length) {
    return {
      decision: Decision.PENDING,
      reason: nearMissReason(item, facts.nearMisses, facts.optOuts),
      scheme,
      ...none,
    };
  } else if (!scheme.coversUnidentified) {
    return {
      decision: Decision.OUT_OF_SCOPE,
      reason: `the work was not identified and the ${category} scheme does not cover unidentified works`,
      ...none,
    };
  }
  const { validTo, holderIds } = endBeforeScheduledOptOut(item, facts);
  if (validTo <= item.from) {
    return {
      decision: Decision.DENIED_OPTED_OUT,
      reason: `an opt-out by ${holderIds.join(', ')} takes effect on ${item.from}, the first day asked for: ask the holder for a direct license`,
      scheme,
      contactHolderIds: holderIds,
      unidentifiedReference: null,
    };
  }
  const license = {
    validFrom: item.from,
    validTo,
    feeMinor: feeFor(scheme, item.expectedQuantity),
    currency: scheme.currency,
  };
  const cut =
    license.validTo !== item.to
      ? `; it ends on ${license.validTo}, when an opt-out takes effect`
      : '';
  if (!facts.work) {
    return {
      decision: Decision.GRANTED_ECL_UNIDENTIFIED,
      reason: `licensed under the ${category} ECL scheme as an unidentified work (reference ${facts.unidentifiedReference}); royalties are matched later${cut}`,
      scheme,
      license,
      contactHolderIds: [],
      unidentifiedReference: facts.unidentifiedReference,
    };
  }
  return {
    decision: Decision.GRANTED_ECL,
    reason: facts.work.disputed
      ? `licensed under the ${category} ECL scheme; the work is under dispute, so its royalties are held in reserve${cut}`
      : `licensed under the ${category} ECL scheme${cut}`,
    scheme,
    license,
    ...none,
  };
}

/** Is a work near an item's title opted out for the item's use on its first day? */
export function optedOutOn(
  item: UseItem,
  work: NearMiss,
  optOuts: readonly OptOutTerms[],
): boolean {
  return (
    optOutsInForce(work.id, work.holdersAt, optOuts, startOf(item.from), item.useType).length > 0
  );
}

/** Names the works a title is close to, and those opted out for the item's use. */
function nearMissReason(
  item: UseItem,
  nearMisses: readonly NearMiss[],
  optOuts: readonly OptOutTerms[],
): string {
  const named = (work: NearMiss) => `${work.title} (${work.id})`;
  const optedOut = nearMisses.filter((work) => optedOutOn(item, work, optOuts));
  const works = nearMisses.map(named).join(', ');
  const warning = optedOut.length
    ? `; ${optedOut.map(named).join(', ')} ${optedOut.length === 1 ? 'is' : 'are'} opted out of extended collective licensing for ${item.useType}`
    : '';
  return `the title is close to registered ${nearMisses.length === 1 ? 'work' : 'works'} ${works}${warning}: name the work by id or identifier`;
}

/**
 * The license's end: the requested `to`, or the day an opt-out (not withdrawn by then) of a
 * holder of the work takes effect inside the period (that day excluded, so nothing after the
 * opt-out is licensed).
 */
function endBeforeScheduledOptOut(
  item: UseItem,
  facts: ItemFacts,
): { validTo: string; holderIds: string[] } {
  const work = facts.work;
  let validTo = item.to;
  let holderIds: string[] = [];
  if (!work) return { validTo, holderIds };
  const start = startOf(item.from).getTime();
  const end = startOf(item.to).getTime();
  for (const optOut of facts.optOuts) {
    const at = optOut.effectiveFrom;
    if (at.getTime() <= start || at.getTime() >= end) continue;
    if (optOutsInForce(work.id, work.holdersAt, [optOut], at, item.useType).length === 0) continue;
    const day = at.toISOString().slice(0, 10);
    if (day < validTo) {
      validTo = day;
      holderIds = [optOut.holderId];
    } else if (day === validTo && !holderIds.includes(optOut.holderId)) {
      holderIds = [...holderIds, optOut.holderId].sort();
    }
  }
  return { validTo, holderIds };
}
