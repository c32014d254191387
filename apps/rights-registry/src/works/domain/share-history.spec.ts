import { describe, expect, it } from '@jest/globals';
import { RightType } from '#libs/contracts';
import { ShareHistory } from './share-history.js';

const v1 = {
  effectiveFrom: new Date('2025-01-01T00:00:00Z'),
  shares: [{ holderId: 'a', rightType: RightType.PERFORMANCE, shareBps: 10_000 }],
};
const v2 = {
  effectiveFrom: new Date('2026-04-01T00:00:00Z'),
  shares: [
    { holderId: 'a', rightType: RightType.PERFORMANCE, shareBps: 6000 },
    { holderId: 'b', rightType: RightType.PERFORMANCE, shareBps: 4000 },
  ],
};

describe(ShareHistory.name, () => {
  const sut = new ShareHistory([v2, v1]);

  it('should answer the shares in force on any date', () => {
    expect(sut.asOf(new Date('2024-12-31T23:59:59Z'))).toEqual([]);
    expect(sut.asOf(new Date('2025-01-01T00:00:00Z'))).toBe(v1.shares);
    expect(sut.asOf(new Date('2026-03-31T23:59:59Z'))).toBe(v1.shares);
    expect(sut.asOf(new Date('2026-04-01T00:00:00Z'))).toBe(v2.shares);
    expect(sut.asOf(new Date('2030-01-01T00:00:00Z'))).toBe(v2.shares);
  });

  it('should list the holders at a date', () => {
    expect([...sut.holdersAt(new Date('2025-06-01'))]).toEqual(['a']);
    expect([...sut.holdersAt(new Date('2026-06-01'))].sort()).toEqual(['a', 'b']);
  });

  it('should only accept a new version after the latest one', () => {
    expect(
      sut.problemWith({ effectiveFrom: new Date('2026-04-01T00:00:00Z'), shares: [] }),
    ).toMatch(/must be after 2026-04-01/);
    expect(
      sut.problemWith({ effectiveFrom: new Date('2026-04-02T00:00:00Z'), shares: [] }),
    ).toBeUndefined();
    expect(new ShareHistory([]).problemWith(v1)).toBeUndefined();
  });
});
