import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { OptOutScope, UseType } from '../values/enums.js';
import {
  holdersOverTime,
  isInForce,
  isOptedOut,
  optOutsInForce,
  type OptOutTerms,
} from './opt-out-rule.js';

const at = (iso: string) => new Date(iso);
const WORK = 'work-1';
const OTHER_WORK = 'work-2';

function optOut(terms: Partial<OptOutTerms>): OptOutTerms {
  return {
    id: 'opt-out',
    holderId: 'alice',
    scope: OptOutScope.WORK,
    workId: WORK,
    useTypes: [],
    effectiveFrom: at('2026-01-01T00:00:00Z'),
    withdrawnAt: null,
    ...terms,
  };
}

/** Alice alone until June, then Bob alone. */
const holders = holdersOverTime([
  { effectiveFrom: at('2025-01-01T00:00:00Z'), holderIds: ['alice'] },
  { effectiveFrom: at('2026-06-01T00:00:00Z'), holderIds: ['bob'] },
]);

describe('the ECL opt-out rule', () => {
  it('should take a work out from the instant its opt-out takes effect', () => {
    const rule = [optOut({})];
    expect(isOptedOut(WORK, holders, rule, at('2025-12-31T23:59:59Z'))).toBe(false);
    expect(isOptedOut(WORK, holders, rule, at('2026-01-01T00:00:00Z'))).toBe(true);
  });

  it('should not apply a future opt-out before its effective time', () => {
    const future = [optOut({ effectiveFrom: at('2026-03-01T00:00:00Z') })];
    expect(isOptedOut(WORK, holders, future, at('2026-02-28T00:00:00Z'))).toBe(false);
    expect(isOptedOut(WORK, holders, future, at('2026-03-01T00:00:00Z'))).toBe(true);
  });

  it('should bring the work back from the withdrawal instant', () => {
    const withdrawn = [optOut({ withdrawnAt: at('2026-02-01T00:00:00Z') })];
    expect(isOptedOut(WORK, holders, withdrawn, at('2026-01-31T23:59:59Z'))).toBe(true);
    expect(isOptedOut(WORK, holders, withdrawn, at('2026-02-01T00:00:00Z'))).toBe(false);
  });

  it('should cover every work of the holder for scope ALL_WORKS, and only that work for WORK', () => {
    const workOnly = [optOut({})];
    const holderWide = [optOut({ scope: OptOutScope.ALL_WORKS, workId: null })];
    const when = at('2026-02-01T00:00:00Z');
    expect(isOptedOut(OTHER_WORK, holders, workOnly, when)).toBe(false);
    expect(isOptedOut(OTHER_WORK, holders, holderWide, when)).toBe(true);
  });

  it('should apply per use type, an empty list meaning all of them', () => {
    const streams = [optOut({ useTypes: [UseType.STREAM] })];
    const when = at('2026-02-01T00:00:00Z');
    expect(isOptedOut(WORK, holders, streams, when, UseType.STREAM)).toBe(true);
    expect(isOptedOut(WORK, holders, streams, when, UseType.SNS_POST)).toBe(false);
    for (const useType of Object.values(UseType)) {
      expect(isOptedOut(WORK, holders, [optOut({})], when, useType)).toBe(true);
    }
  });

  it('should count only holders with a share at that time', () => {
    const alices = [optOut({ scope: OptOutScope.ALL_WORKS, workId: null })];
    expect(isOptedOut(WORK, holders, alices, at('2026-05-31T00:00:00Z'))).toBe(true);
    // Bob holds the work from June: Alice's opt-out no longer takes it out.
    expect(isOptedOut(WORK, holders, alices, at('2026-06-01T00:00:00Z'))).toBe(false);
    const bobs = [optOut({ holderId: 'bob', scope: OptOutScope.ALL_WORKS, workId: null })];
    expect(isOptedOut(WORK, holders, bobs, at('2026-05-31T00:00:00Z'))).toBe(false);
    expect(isOptedOut(WORK, holders, bobs, at('2026-06-01T00:00:00Z'))).toBe(true);
  });

  it('should be out when any one of several holders opts out', () => {
    const shared = holdersOverTime([
      { effectiveFrom: at('2025-01-01T00:00:00Z'), holderIds: ['alice', 'bob', 'carol'] },
    ]);
    const carols = [optOut({ holderId: 'carol' })];
    const found = optOutsInForce(WORK, shared, carols, at('2026-02-01T00:00:00Z'));
    expect(found.map((o) => o.holderId)).toEqual(['carol']);
  });

  it('should never apply at or after the withdrawal, whatever the times', () => {
    const instant = fc.integer({ min: 0, max: 4_000_000_000_000 });
    fc.assert(
      fc.property(instant, instant, instant, (from, withdrawn, probe) => {
        const terms = optOut({ effectiveFrom: new Date(from), withdrawnAt: new Date(withdrawn) });
        const inForce = isInForce(terms, new Date(probe));
        expect(inForce).toBe(from <= probe && probe < withdrawn);
      }),
    );
  });
});
