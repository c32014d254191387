import { describe, expect, it } from '@jest/globals';
import {
  currentKey,
  expiredKeys,
  publishedKeys,
  rotationDue,
  supersededKeys,
  type KeyLifetime,
  type RotationPolicy,
} from './key-rotation.js';

const HOUR = 3600_000;
const NOW = new Date('2026-11-30T12:00:00Z');
const ago = (hours: number) => new Date(NOW.getTime() - hours * HOUR);
const policy: RotationPolicy = {
  rotateAfterMs: 24 * HOUR,
  keepRetiredMs: 2 * HOUR,
  announceMs: 1 * HOUR,
};
const key = (kid: string, createdHoursAgo: number, retiredHoursAgo?: number): KeyLifetime => ({
  kid,
  createdAt: ago(createdHoursAgo),
  retiredAt: retiredHoursAgo === undefined ? undefined : ago(retiredHoursAgo),
});

describe(currentKey.name, () => {
  it('should pick the newest key that is not retired and has been published long enough', () => {
    const keys = [key('old', 30, 5), key('a', 10), key('b', 3)];
    expect(currentKey(keys, NOW, policy)?.kid).toBe('b');
    expect(currentKey([key('current', 23), key('next', 0.5)], NOW, policy)?.kid).toBe('current');
    expect(currentKey([key('current', 25), key('next', 1)], NOW, policy)?.kid).toBe('next');
  });

  it('should sign with a key at once when no other key may sign (the first one, a forced rotation)', () => {
    expect(currentKey([key('first', 0)], NOW, policy)?.kid).toBe('first');
    expect(currentKey([key('old', 3, 0), key('forced', 0)], NOW, policy)?.kid).toBe('forced');
  });

  it('should find none when every key is retired', () => {
    expect(currentKey([key('old', 30, 5)], NOW, policy)).toBeUndefined();
  });
});

describe(supersededKeys.name, () => {
  it('should retire the key a next one takes over from, once the next one signs', () => {
    expect(supersededKeys([key('current', 23.5), key('next', 0.5)], NOW, policy)).toEqual([]);
    expect(
      supersededKeys([key('current', 25), key('next', 1)], NOW, policy).map((k) => k.kid),
    ).toEqual(['current']);
  });
});

describe(rotationDue.name, () => {
  it('should be due when no key signs', () => {
    expect(rotationDue([], NOW, policy)).toBe(true);
    expect(rotationDue([key('old', 30, 1)], NOW, policy)).toBe(true);
  });

  it('should be due the announcement time before the current key reaches its age, not before', () => {
    expect(rotationDue([key('k', 22.9)], NOW, policy)).toBe(false);
    expect(rotationDue([key('k', 23)], NOW, policy)).toBe(true);
  });

  it('should not be due while a next key is published and waiting to sign', () => {
    expect(rotationDue([key('k', 23.5), key('next', 0.5)], NOW, policy)).toBe(false);
  });
});

describe(expiredKeys.name, () => {
  it('should expire retired keys once everything they signed has expired', () => {
    const keys = [key('gone', 50, 3), key('kept', 30, 1), key('current', 1)];
    expect(expiredKeys(keys, NOW, policy).map((k) => k.kid)).toEqual(['gone']);
  });

  it('should never expire the key that signs, however old', () => {
    expect(expiredKeys([key('ancient', 10_000)], NOW, policy)).toEqual([]);
  });
});

describe(publishedKeys.name, () => {
  it('should publish a next key before it signs, after the current one', () => {
    expect(
      publishedKeys([key('next', 0.5), key('current', 23.5)], NOW, policy).map((k) => k.kid),
    ).toEqual(['current', 'next']);
  });

  it('should publish the current key first, then retired ones newest first, without expired ones', () => {
    const keys = [
      key('older', 40, 1.5),
      key('gone', 60, 3),
      key('current', 2),
      key('newer', 20, 1),
    ];
    expect(publishedKeys(keys, NOW, policy).map((k) => k.kid)).toEqual([
      'current',
      'newer',
      'older',
    ]);
  });
});
