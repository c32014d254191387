import { describe, expect, it } from '@jest/globals';
import { overlapRefusal, periodsOverlap, refusal, type BatchStatusName } from './lifecycle.js';

describe(refusal.name, () => {
  it.each<[BatchStatusName, boolean]>([
    ['DRAFT', true],
    ['CALCULATED', true],
    ['APPROVED', false],
    ['CLOSED', false],
    ['CANCELLED', false],
  ])('should cancel a %s batch: %s', (status, allowed) => {
    expect(refusal(status, 'cancel') === undefined).toBe(allowed);
  });

  it('should neither calculate, approve nor close a cancelled batch', () => {
    for (const action of ['calculate', 'approve', 'close'] as const) {
      expect(refusal('CANCELLED', action)).toBeDefined();
    }
  });
});

describe(periodsOverlap.name, () => {
  const november = { periodStart: '2026-11-01', periodEnd: '2026-12-01' };

  it.each([
    ['2026-10-01', '2026-11-01', false],
    ['2026-12-01', '2027-01-01', false],
    ['2026-10-01', '2026-11-02', true],
    ['2026-11-30', '2027-01-01', true],
    ['2026-11-10', '2026-11-11', true],
    ['2026-01-01', '2027-01-01', true],
  ])('should tell whether [%s, %s) overlaps November: %s', (periodStart, periodEnd, overlaps) => {
    expect(periodsOverlap({ periodStart, periodEnd }, november)).toBe(overlaps);
    expect(periodsOverlap(november, { periodStart, periodEnd })).toBe(overlaps);
  });

  it('should name the overlapping period in the refusal', () => {
    const id = '01a22c87-c70a-7463-9d41-d6f58d4ade3c';
    expect(overlapRefusal('MUSIC', { ...november, id })).toContain(
      `the society's MUSIC batch ${id} for [2026-11-01, 2026-12-01) overlaps this period`,
    );
  });
});
