import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { allocate, compareCells, splitPool, type Cell } from './allocation.js';

const cellArbitrary = fc.record({
  workKey: fc.constantFrom('w1', 'w2', 'w3', 'w4', 'ref:x'),
  holderKey: fc.constantFrom('h1', 'h2', 'h3', 'UNCLAIMED', 'UNIDENTIFIED'),
  points: fc.bigInt({ min: 0n, max: 10n ** 15n }),
});
/** Cells with distinct keys, as the SQL aggregation produces them. */
const cellsArbitrary = fc
  .uniqueArray(cellArbitrary, { selector: (c) => `${c.workKey}/${c.holderKey}`, maxLength: 25 })
  .filter((cells) => cells.some((cell) => cell.points > 0n));
const pool = fc.bigInt({ min: 0n, max: 10n ** 18n });
const feeBps = fc.integer({ min: 0, max: 10_000 });

describe('allocation', () => {
  it('should add up to the pool exactly, fee included, for any input', () => {
    fc.assert(
      fc.property(pool, feeBps, cellsArbitrary, (p, f, cells) => {
        const { fee, distributable } = splitPool(p, f);
        const allocations = allocate(distributable, cells);
        expect(allocations.reduce((sum, a) => sum + a.amount, 0n) + fee).toBe(p);
        expect(allocations.every((a) => a.amount >= 0n)).toBe(true);
      }),
    );
  });

  it('should give every cell its floor or one more, and nothing to a cell without points', () => {
    fc.assert(
      fc.property(pool, cellsArbitrary, (d, cells) => {
        const total = cells.reduce((sum, c) => sum + c.points, 0n);
        for (const a of allocate(d, cells)) {
          const floor = (d * a.points) / total;
          expect(a.amount === floor || a.amount === floor + 1n).toBe(true);
          if (a.points === 0n) expect(a.amount).toBe(0n);
        }
      }),
    );
  });

  it('should be deterministic whatever the order of the cells', () => {
    fc.assert(
      fc.property(pool, cellsArbitrary, fc.nat(), (d, cells, seed) => {
        const shuffled = [...cells].sort(
          () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 3) - 1,
        );
        const sorted = (list: Cell[]) => [...list].sort(compareCells);
        expect(sorted(allocate(d, shuffled))).toEqual(sorted(allocate(d, cells)));
      }),
    );
  });

  it('should give leftover units to the largest remainders, ties by work then holder', () => {
    // D = 10 over three equal cells: floors 3, 3, 3 and equal remainders; one unit is left,
    // and it goes to the first cell by work key then holder key.
    const cells: Cell[] = [
      { workKey: 'w2', holderKey: 'h1', points: 1n },
      { workKey: 'w1', holderKey: 'h2', points: 1n },
      { workKey: 'w1', holderKey: 'h1', points: 1n },
    ];
    expect(allocate(10n, cells).map((a) => [a.workKey, a.holderKey, a.amount])).toEqual([
      ['w2', 'h1', 3n],
      ['w1', 'h2', 3n],
      ['w1', 'h1', 4n],
    ]);
    // Larger remainders first: 100 over 1:2:4 (total 7) floors 14, 28, 57 with remainders
    // 2, 4, 1: the one unit left goes to the cell with remainder 4.
    const unequal: Cell[] = [
      { workKey: 'a', holderKey: 'x', points: 1n },
      { workKey: 'b', holderKey: 'x', points: 2n },
      { workKey: 'c', holderKey: 'x', points: 4n },
    ];
    expect(allocate(100n, unequal).map((a) => a.amount)).toEqual([14n, 29n, 57n]);
  });

  it('should take the fee rounded down', () => {
    expect(splitPool(1_000_001n, 1500)).toEqual({ fee: 150_000n, distributable: 850_001n });
    expect(splitPool(99n, 10_000)).toEqual({ fee: 99n, distributable: 0n });
    expect(() => splitPool(10n, 10_001)).toThrow(RangeError);
  });
});
