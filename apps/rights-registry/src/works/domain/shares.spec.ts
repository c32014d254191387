import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { RightType } from '#libs/contracts';
import { shareProblems, unclaimedBps, type Share } from './shares.js';

const share = (holderId: string, rightType: RightType, shareBps: number): Share => ({
  holderId,
  rightType,
  shareBps,
});

describe(shareProblems.name, () => {
  it('should accept shares adding up to the whole right per right type', () => {
    expect(
      shareProblems([
        share('a', RightType.PERFORMANCE, 5000),
        share('b', RightType.PERFORMANCE, 5000),
        share('a', RightType.REPRODUCTION, 10_000),
      ]),
    ).toEqual([]);
  });

  it('should accept shares leaving part of a right unclaimed', () => {
    const sut = [share('a', RightType.MAKING_AVAILABLE, 2500)];
    expect(shareProblems(sut)).toEqual([]);
    expect(unclaimedBps(sut, RightType.MAKING_AVAILABLE)).toBe(7500);
    expect(unclaimedBps(sut, RightType.PERFORMANCE)).toBe(10_000);
  });

  it('should reject a right type over 10000 basis points, naming it and its total', () => {
    expect(
      shareProblems([
        share('a', RightType.PERFORMANCE, 6000),
        share('b', RightType.PERFORMANCE, 4001),
      ]),
    ).toEqual(['PERFORMANCE shares add up to 10001 basis points; at most 10000']);
  });

  it('should reject a holder appearing twice for one right type', () => {
    expect(
      shareProblems([share('a', RightType.PERFORMANCE, 10), share('a', RightType.PERFORMANCE, 20)]),
    ).toEqual(['shares[1]: holder a appears twice for PERFORMANCE']);
  });

  it.each([0, -1, 10_001, 12.5])('should reject a share of %p basis points', (bps) => {
    expect(shareProblems([share('a', RightType.PERFORMANCE, bps)]).join()).toContain(
      'shareBps must be a whole number',
    );
  });

  it('should accept any split of one right into whole basis points that adds up to at most 10000', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 20 }),
        (parts) => {
          const shares = parts.map((bps, i) => share(`h${i}`, RightType.PERFORMANCE, bps));
          const total = parts.reduce((sum, bps) => sum + bps, 0);
          expect(shareProblems(shares).length === 0).toBe(total <= 10_000);
        },
      ),
    );
  });
});
