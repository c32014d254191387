import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { EntityManager } from 'typeorm';
import type { IdentifierScheme, LicenseGrantedV1 } from '#libs/contracts';
import { MATCHING, MatchMethod, type TitleQuery } from '#libs/matching';
import { RegistryViewReader, type ViewWork } from '#libs/registry-view';
import { OptOutViewReader } from '../../opt-out-view/application/opt-out-view.reader.js';
import { SchemeQueries } from '../../schemes/application/scheme.queries.js';
import { decide, optedOutOn, type ItemDecision, type NearMiss } from '../domain/decision.js';
import { referenceOf, type CheckedItem } from '../domain/use-request.js';
import {
  LicenseEntity,
  LicenseStatus,
  type MatchedCandidate,
} from '../infrastructure/licensing.entities.js';

/** How an item's work was identified. */
export interface ItemMatch {
  method: MatchMethod;
  score: number;
}

/** What the registry view says of each item, by position. */
interface Resolved {
  /** The work identified; missing positions were not identified. */
  works: Map<number, ViewWork>;
  matches: Map<number, ItemMatch>;
  /** Works a title was close to when none was certain, best first. */
  candidates: Map<number, { candidate: MatchedCandidate; work: ViewWork }[]>;
  /** Works whose whole title an unidentified title holds (near misses while opted out). */
  nearby: Map<number, { candidate: MatchedCandidate; work: ViewWork }[]>;
}

/** Each item's decision, by position, and what it was decided on. */
export interface DecidedItems {
  decisions: ItemDecision[];
  works: Map<number, ViewWork>;
  matches: Map<number, ItemMatch>;
  /** Works a title was close to (candidates, and opted-out near misses), by position. */
  candidates: Map<number, { candidate: MatchedCandidate; work: ViewWork }[]>;
}

/**
 * Decides items of use requests (works resolved in a few queries, opt-outs of all their holders
 * in one), in the caller's transaction: for a request when it is made, and again for items
 * that were PENDING while the opt-out view was behind.
 */
@Injectable()
export class ItemDecider {
  constructor(
    private readonly registry: RegistryViewReader,
    private readonly optOuts: OptOutViewReader,
    private readonly schemes: SchemeQueries,
  ) {}

  async decide(
    items: CheckedItem[],
    manager: EntityManager,
    stale: boolean,
  ): Promise<DecidedItems> {
    const resolved = await this.resolveWorks(items, manager);
    const { works, matches, nearby } = resolved;
    const holders = [
      ...works.values(),
      ...[...resolved.candidates.values(), ...nearby.values()].flatMap((list) =>
        list.map(({ work }) => work),
      ),
    ].flatMap((work) => work.versions.flatMap((v) => v.shares.map((s) => s.holderId)));
    const schemes = await this.schemes.active(manager);
    const optOuts = await this.optOuts.ofHolders(holders, manager);
    const asNearMiss = ({ work }: { work: ViewWork }): NearMiss => ({
      id: work.id,
      title: work.title,
      holdersAt: work.holdersAt,
    });
    // A work whose whole title the item's title holds is a near miss while it is opted out.
    const candidates = new Map(
      items.map((item, index) => {
        const held = (nearby.get(index) ?? []).filter((entry) =>
          optedOutOn(item, asNearMiss(entry), optOuts),
        );
        return [index, [...(resolved.candidates.get(index) ?? []), ...held]];
      }),
    );
    const decisions = items.map((item, index) => {
      const work = works.get(index) ?? null;
      return decide(item, {
        work,
        unidentifiedReference: referenceOf(item.lookup),
        nearMisses: (candidates.get(index) ?? []).map(asNearMiss),
        schemes,
        optOuts,
        optOutViewStale: stale,
      });
    });

    return { decisions, works, matches, candidates };
  }

  /**
   * The work each item names, by position (missing positions were not identified), how it
   * was found, and the works a title was close to when none was certain. Titles go through
   * the one matcher, in the request's transaction.
   */
  private async resolveWorks(items: CheckedItem[], manager: EntityManager): Promise<Resolved> {
    const idOf = new Map<number, string>();
    const matchOf = new Map<number, ItemMatch>();
    const candidatesOf = new Map<number, MatchedCandidate[]>();
    const nearbyOf = new Map<number, MatchedCandidate[]>();
    const byIdentifier: { index: number; scheme: IdentifierScheme; value: string }[] = [];
    const byTitle: { index: number; query: TitleQuery }[] = [];
    items.forEach((item, index) => {
      const lookup = item.lookup;
      if (lookup.by === 'id') idOf.set(index, lookup.workId);
      else if (lookup.by === 'identifier')
        byIdentifier.push({ index, scheme: lookup.scheme, value: lookup.value });
      else
        byTitle.push({
          index,
          // Every category: a title of a work in another category than the item names is a
          // near miss, not an unidentified work (a category must not hide an opted-out work).
          query: { title: lookup.title, creator: lookup.creatorName, category: null },
        });
    });
    if (byIdentifier.length) {
      const found = await this.registry.byIdentifiers(
        byIdentifier.map(({ scheme, value }) => ({ scheme, value })),
        manager,
      );
      for (const { index, scheme, value } of byIdentifier) {
        const workId = found.get(`${scheme}:${value}`);
        if (workId) idOf.set(index, workId);
      }
    }
    for (const index of idOf.keys())
      matchOf.set(index, { method: MatchMethod.IDENTIFIER, score: MATCHING.exactScore });
    if (byTitle.length) {
      const results = await this.registry.matchTitles(
        byTitle.map(({ query }) => query),
        manager,
      );
      results.forEach(({ decision }, position) => {
        const index = byTitle[position]!.index;
        if (decision.outcome === 'MATCHED') {
          idOf.set(index, decision.match.workId);
          matchOf.set(index, { method: decision.match.method, score: decision.match.score });
          return;
        }
        const listed = ({ workId, method, score }: MatchedCandidate) => ({ workId, method, score });
        if (decision.outcome === 'AMBIGUOUS')
          candidatesOf.set(index, decision.candidates.map(listed));
        if (decision.nearby.length) nearbyOf.set(index, decision.nearby.map(listed));
      });
    }
    const byTitleIndexes = new Set(byTitle.map(({ index }) => index));
    const candidateIds = [...candidatesOf.values(), ...nearbyOf.values()].flatMap((list) =>
      list.map((c) => c.workId),
    );
    const found = await this.registry.works([...idOf.values(), ...candidateIds], manager);
    const works = new Map<number, ViewWork>();
    for (const [index, workId] of idOf) {
      const work = found.get(workId);
      const category = items[index]!.category;
      if (work && byTitleIndexes.has(index) && category && work.category !== category) {
        // Certain by title, but of another category than asked: a candidate to confirm.
        const match = matchOf.get(index)!;
        candidatesOf.set(index, [{ workId, method: match.method, score: match.score }]);
        matchOf.delete(index);
      } else if (work) works.set(index, work);
      else matchOf.delete(index);
    }
    const withWorks = (lists: Map<number, MatchedCandidate[]>) =>
      new Map(
        [...lists].map(([index, list]) => [
          index,
          list.flatMap((candidate) => {
            const work = found.get(candidate.workId);
            return work ? [{ candidate, work }] : [];
          }),
        ]),
      );
    return {
      works,
      matches: matchOf,
      candidates: withWorks(candidatesOf),
      nearby: withWorks(nearbyOf),
    };
  }
}

/** The license a granted decision gives. */
export function licenseOf(
  useRequestId: string,
  platformId: string,
  item: CheckedItem,
  index: number,
  decision: ItemDecision,
  work: ViewWork | null,
): LicenseEntity {
  const scheme = decision.scheme!;
  const license = decision.license!;
  return {
    id: uuidv7(),
    platformId,
    useRequestId,
    itemIndex: index,
    workId: work?.id ?? null,
    unidentifiedReference: decision.unidentifiedReference,
    decision: decision.decision,
    schemeId: scheme.id,
    societyId: scheme.societyId,
    category: scheme.category,
    useType: item.useType,
    territory: item.territory,
    validFrom: license.validFrom,
    validTo: license.validTo,
    expectedQuantity: item.expectedQuantity,
    feeMinor: license.feeMinor,
    currency: license.currency,
    status: LicenseStatus.ACTIVE,
    revokedFrom: null,
    revokedAt: null,
    revokedReason: null,
    optOutId: null,
    createdAt: new Date(),
  };
}

/** The license.granted payload of a license; `previouslyPending` when granted after PENDING. */
export function grantedPayload(
  license: LicenseEntity,
  previouslyPending = false,
): LicenseGrantedV1 {
  return {
    licenseId: license.id,
    platformId: license.platformId,
    useRequestId: license.useRequestId,
    workId: license.workId,
    unidentifiedReference: license.unidentifiedReference,
    decision: license.decision,
    schemeId: license.schemeId,
    societyId: license.societyId,
    category: license.category,
    useType: license.useType,
    territory: license.territory,
    validFrom: license.validFrom,
    validTo: license.validTo,
    expectedQuantity: license.expectedQuantity,
    fee: { amountMinor: license.feeMinor.toString(), currency: license.currency },
    ...(previouslyPending ? { previouslyPending: true as const } : {}),
  };
}
