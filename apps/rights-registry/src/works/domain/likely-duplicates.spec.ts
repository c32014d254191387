import { describe, expect, it } from '@jest/globals';
import { WorkCategory } from '#libs/contracts';
import { likelyDuplicateOf, likelyDuplicateReason } from './likely-duplicates.js';

const registered = {
  id: 'w1',
  title: 'Blue Horizon',
  normalizedTitle: 'blue horizon',
  category: WorkCategory.MUSIC,
  holderIds: ['a', 'b'],
};

describe(likelyDuplicateOf.name, () => {
  it('should find a work with the same normalized title, category and holders', () => {
    const work = { normalizedTitle: 'blue horizon', category: WorkCategory.MUSIC };
    expect(likelyDuplicateOf({ ...work, holderIds: ['b', 'a', 'a'] }, [registered])).toBe(
      registered,
    );
  });

  it('should find none when the title, the category or the holders differ', () => {
    const work = {
      normalizedTitle: 'blue horizon',
      category: WorkCategory.MUSIC,
      holderIds: ['a', 'b'],
    };
    expect(likelyDuplicateOf({ ...work, normalizedTitle: 'blue horizons' }, [registered])).toBe(
      undefined,
    );
    expect(likelyDuplicateOf({ ...work, category: WorkCategory.FILM }, [registered])).toBe(
      undefined,
    );
    expect(likelyDuplicateOf({ ...work, holderIds: ['a'] }, [registered])).toBe(undefined);
    expect(likelyDuplicateOf({ ...work, holderIds: ['a', 'b', 'c'] }, [registered])).toBe(
      undefined,
    );
  });

  it('should name the existing work in its reason', () => {
    expect(likelyDuplicateReason(registered)).toContain('work w1 (Blue Horizon)');
  });
});
