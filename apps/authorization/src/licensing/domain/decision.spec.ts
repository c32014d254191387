import { describe, expect, it } from '@jest/globals';
import {
  Decision,
  OptOutScope,
  RightType,
  UseType,
  WorkCategory,
  holdersOverTime,
  type OptOutTerms,
} from '#libs/contracts';
import type { SchemeTerms } from '../../schemes/domain/scheme.js';
import { decide, type ItemFacts, type NearMiss, type UseItem } from './decision.js';

const HOLDER = 'holder-a';
const WORK = 'work-1';

const musicScheme: SchemeTerms = {
  id: 'scheme-music',
  revision: 1,
  societyId: 'society',
  category: WorkCategory.MUSIC,
  useTypes: [UseType.STREAM, UseType.SNS_POST],
  territories: ['JP'],
  rightType: RightType.MAKING_AVAILABLE,
  unitRateMinor: 3n,
  currency: 'JPY',
  coversUnidentified: true,
  weights: [],
  active: true,
  createdAt: new Date('2026-01-01T00:00:00Z'),
};
const mangaScheme: SchemeTerms = {
  ...musicScheme,
  id: 'scheme-manga',
  category: WorkCategory.MANGA,
  useTypes: [UseType.ONLINE_READING],
  coversUnidentified: false,
};

const item: UseItem = {
  category: null,
  useType: UseType.STREAM,
  territory: 'JP',
  from: '2026-12-01',
  to: '2027-01-01',
  expectedQuantity: 1000,
};

const optOut = (terms: Partial<OptOutTerms> = {}): OptOutTerms => ({
  id: 'opt-out-1',
  holderId: HOLDER,
  scope: OptOutScope.ALL_WORKS,
  workId: null,
  useTypes: [],
  effectiveFrom: new Date('2026-11-01T00:00:00Z'),
  withdrawnAt: null,
  ...terms,
});

const facts = (overrides: Partial<ItemFacts> = {}): ItemFacts => ({
  work: {
    id: WORK,
    category: WorkCategory.MUSIC,
    holdersAt: holdersOverTime([
      { effectiveFrom: new Date('2020-01-01T00:00:00Z'), holderIds: [HOLDER] },
    ]),
    disputed: false,
  },
  unidentifiedReference: 'title:unknown song',
  schemes: [musicScheme, mangaScheme],
  optOuts: [],
  optOutViewStale: false,
  nearMisses: [],
  ...overrides,
});

const unidentified = { work: null };

const sakura: NearMiss = {
  id: 'work-sakura',
  title: '桜の雨',
  holdersAt: holdersOverTime([
    { effectiveFrom: new Date('2020-01-01T00:00:00Z'), holderIds: [HOLDER] },
  ]),
};
const nearMiss = { work: null, nearMisses: [sakura] };

describe(decide.name, () => {
  /** One row per path through the rules: the item, the facts, the decision expected. */
  const table: [string, UseItem, Partial<ItemFacts>, Decision][] = [
    ['a registered work under a scheme', item, {}, Decision.GRANTED_ECL],
    ['a disputed work', item, { work: { ...facts().work!, disputed: true } }, Decision.GRANTED_ECL],
    [
      'an unidentified work, scheme covers unidentified',
      { ...item, category: WorkCategory.MUSIC },
      unidentified,
      Decision.GRANTED_ECL_UNIDENTIFIED,
    ],
    [
      'an unidentified work, scheme does not cover unidentified',
      { ...item, category: WorkCategory.MANGA, useType: UseType.ONLINE_READING },
      unidentified,
      Decision.OUT_OF_SCOPE,
    ],
    ['an unidentified work without a category', item, unidentified, Decision.OUT_OF_SCOPE],
    [
      'a title close to a registered work: never granted as unidentified',
      { ...item, category: WorkCategory.MUSIC },
      nearMiss,
      Decision.PENDING,
    ],
    [
      'a title close to an opted-out work',
      { ...item, category: WorkCategory.MUSIC },
      { ...nearMiss, optOuts: [optOut()] },
      Decision.PENDING,
    ],
    [
      'a title close to a registered work, scheme does not cover unidentified',
      { ...item, category: WorkCategory.MANGA, useType: UseType.ONLINE_READING },
      nearMiss,
      Decision.PENDING,
    ],
    [
      'a title close to a registered work, out of scope anyway',
      { ...item, category: WorkCategory.MUSIC, territory: 'FR' },
      nearMiss,
      Decision.OUT_OF_SCOPE,
    ],
    [
      'a title close to a registered work while the opt-out view is stale',
      { ...item, category: WorkCategory.MUSIC },
      { ...nearMiss, optOutViewStale: true },
      Decision.PENDING,
    ],
    [
      'a use type no scheme covers',
      { ...item, useType: UseType.BROADCAST },
      {},
      Decision.OUT_OF_SCOPE,
    ],
    ['a territory no scheme covers', { ...item, territory: 'FR' }, {}, Decision.OUT_OF_SCOPE],
    [
      'a category without a scheme',
      item,
      { work: { ...facts().work!, category: WorkCategory.GAME } },
      Decision.OUT_OF_SCOPE,
    ],
    [
      'an inactive scheme',
      item,
      { schemes: [{ ...musicScheme, active: false }] },
      Decision.OUT_OF_SCOPE,
    ],
    ['a holder-wide opt-out in force', item, { optOuts: [optOut()] }, Decision.DENIED_OPTED_OUT],
    [
      'a work-level opt-out in force',
      item,
      { optOuts: [optOut({ scope: OptOutScope.WORK, workId: WORK })] },
      Decision.DENIED_OPTED_OUT,
    ],
    [
      'an opt-out of another work',
      item,
      { optOuts: [optOut({ scope: OptOutScope.WORK, workId: 'work-2' })] },
      Decision.GRANTED_ECL,
    ],
    [
      'an opt-out for another use type',
      item,
      { optOuts: [optOut({ useTypes: [UseType.SNS_POST] })] },
      Decision.GRANTED_ECL,
    ],
    [
      'an opt-out withdrawn before the start',
      item,
      { optOuts: [optOut({ withdrawnAt: new Date('2026-11-15T00:00:00Z') })] },
      Decision.GRANTED_ECL,
    ],
    [
      'an opt-out of a holder with no share',
      item,
      { optOuts: [optOut({ holderId: 'holder-b' })] },
      Decision.GRANTED_ECL,
    ],
    [
      'an opt-out taking effect during the first day',
      item,
      { optOuts: [optOut({ effectiveFrom: new Date('2026-12-01T09:00:00Z') })] },
      Decision.DENIED_OPTED_OUT,
    ],
    ['a stale opt-out view', item, { optOutViewStale: true }, Decision.PENDING],
    [
      'a stale opt-out view, out of scope anyway',
      { ...item, territory: 'FR' },
      { optOutViewStale: true },
      Decision.OUT_OF_SCOPE,
    ],
    [
      'a stale opt-out view and an opt-out in force: never decided on stale data',
      item,
      { optOutViewStale: true, optOuts: [optOut()] },
      Decision.PENDING,
    ],
    [
      'a disputed work with an opt-out: the opt-out wins',
      item,
      { work: { ...facts().work!, disputed: true }, optOuts: [optOut()] },
      Decision.DENIED_OPTED_OUT,
    ],
  ];

  it.each(table)('should decide %s', (_name, useItem, overrides, expected) => {
    expect(decide(useItem, facts(overrides)).decision).toBe(expected);
  });

  it('should mark only an item PENDING on a stale view as awaiting the view, not a near miss', () => {
    expect(decide(item, facts({ optOutViewStale: true })).awaitsOptOutView).toBe(true);
    const nearMissItem = { ...item, category: WorkCategory.MUSIC };
    const waiting = decide(nearMissItem, facts({ ...nearMiss, optOutViewStale: true }));
    expect(waiting.awaitsOptOutView).toBe(true);
    const held = decide(nearMissItem, facts(nearMiss));
    expect(held.decision).toBe(Decision.PENDING);
    expect(held.awaitsOptOutView).toBeUndefined();
    expect(decide(item, facts()).awaitsOptOutView).toBeUndefined();
  });

  it('should cover every Decision', () => {
    const decided = new Set(
      table.map(([, useItem, overrides]) => decide(useItem, facts(overrides)).decision),
    );
    expect([...decided].sort()).toEqual(Object.values(Decision).sort());
  });

  it('should price a license at the tariff times the expected quantity, exactly', () => {
    const big = { ...musicScheme, unitRateMinor: 9_007_199_254_740_993n };
    const result = decide({ ...item, expectedQuantity: 3 }, facts({ schemes: [big] }));
    expect(result.license).toEqual({
      validFrom: '2026-12-01',
      validTo: '2027-01-01',
      feeMinor: 27_021_597_764_222_979n,
      currency: 'JPY',
    });
  });

  it('should name the holders to contact when denying', () => {
    const result = decide(item, facts({ optOuts: [optOut()] }));
    expect(result.contactHolderIds).toEqual([HOLDER]);
    expect(result.reason).toContain(`holder ${HOLDER}`);
  });

  it('should end a license the day an opt-out scheduled inside its period takes effect', () => {
    const scheduled = optOut({ effectiveFrom: new Date('2026-12-20T15:00:00Z') });
    const result = decide(item, facts({ optOuts: [scheduled] }));
    expect(result.decision).toBe(Decision.GRANTED_ECL);
    expect(result.license!.validTo).toBe('2026-12-20');
    expect(result.reason).toContain('ends on 2026-12-20');
  });

  it('should give an unidentified work its reference and no contact', () => {
    const result = decide({ ...item, category: WorkCategory.MUSIC }, facts(unidentified));
    expect(result.unidentifiedReference).toBe('title:unknown song');
    expect(result.license!.feeMinor).toBe(3000n);
  });

  it('should name the works a title is close to, and say which are opted out', () => {
    const other: NearMiss = {
      ...sakura,
      id: 'work-other',
      title: '桜の雨が降る日',
      holdersAt: holdersOverTime([]),
    };
    const result = decide(
      { ...item, category: WorkCategory.MUSIC },
      facts({ work: null, nearMisses: [sakura, other], optOuts: [optOut()] }),
    );
    expect(result).toMatchObject({
      decision: Decision.PENDING,
      unidentifiedReference: null,
      contactHolderIds: [],
    });
    expect(result.license).toBeUndefined();
    expect(result.reason).toBe(
      'the title is close to registered works 桜の雨 (work-sakura), 桜の雨が降る日 (work-other); 桜の雨 (work-sakura) is opted out of extended collective licensing for STREAM: name the work by id or identifier',
    );
  });
});
