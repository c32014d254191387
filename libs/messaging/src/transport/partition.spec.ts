import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { partitionFor } from './partition.js';

describe(partitionFor.name, () => {
  it('should always place a key in the same partition within range', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 1024 }), (key, partitions) => {
        const sut = partitionFor(key, partitions);
        expect(sut).toBe(partitionFor(key, partitions));
        expect(sut).toBeGreaterThanOrEqual(0);
        expect(sut).toBeLessThan(partitions);
      }),
    );
  });

  it('should spread keys over all partitions', () => {
    const used = new Set(Array.from({ length: 1000 }, (_, i) => partitionFor(`work-${i}`, 8)));
    expect(used.size).toBe(8);
  });

  it('should be stable across releases (stored data depends on it)', () => {
    // Changing the hash would move aggregates to other partitions and break per-key order.
    expect(['a', 'work-1', '作品'].map((key) => partitionFor(key, 8))).toEqual([7, 6, 1]);
  });
});
