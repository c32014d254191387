import { describe, expect, it } from '@jest/globals';
import { changeNeedsPassword, signedInRecently } from './account-self-rules.js';

describe(signedInRecently.name, () => {
  const now = new Date('2026-11-30T12:00:00Z');

  it('should take a sign-in of the last ten minutes', () => {
    expect(signedInRecently(new Date('2026-11-30T11:50:00Z'), now)).toBe(true);
    expect(signedInRecently(new Date('2026-11-30T11:59:59Z'), now)).toBe(true);
  });

  it('should refuse an older sign-in, or none', () => {
    expect(signedInRecently(new Date('2026-11-30T11:49:59Z'), now)).toBe(false);
    expect(signedInRecently(undefined, now)).toBe(false);
  });
});

describe(changeNeedsPassword.name, () => {
  const now = new Date('2026-11-30T12:00:00Z');

  it('should not ask for the password within ten minutes of the session signing in', () => {
    expect(changeNeedsPassword(new Date('2026-11-30T11:55:00Z'), now)).toBe(false);
  });

  it('should ask for it after, or when the session says no time', () => {
    expect(changeNeedsPassword(new Date('2026-11-30T11:40:00Z'), now)).toBe(true);
    expect(changeNeedsPassword(undefined, now)).toBe(true);
  });
});
