import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_ENDPOINT_HEALTH_POLICY,
  HEALTHY,
  recordAttempt,
  shouldDisable,
  type FailureStreak,
} from './endpoint-health.js';

const DAY = 24 * 3600 * 1000;
const START = new Date('2026-12-01T00:00:00Z');
const day = (n: number) => new Date(START.getTime() + n * DAY);

/** The streak after failed attempts at the given days. */
const failingOn = (days: number[], streak: FailureStreak = HEALTHY) =>
  days.reduce((s, d) => recordAttempt(s, { ok: false, at: day(d) }), streak);

describe(shouldDisable.name, () => {
  it('should disable an endpoint failing for five days with ten failed attempts', () => {
    const streak = failingOn([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5]);
    expect(streak).toEqual({ since: day(0), failedAttempts: 10 });
    expect(shouldDisable(streak, day(4.99))).toBe(false);
    expect(shouldDisable(streak, day(5))).toBe(true);
  });

  it('should not disable an endpoint with few failures, however old the streak', () => {
    const streak = failingOn([0, 3, 6, 9]);
    expect(shouldDisable(streak, day(30))).toBe(false);
  });

  it('should not disable an endpoint with many failures within a short time', () => {
    const streak = failingOn(Array.from({ length: 50 }, (_, i) => i / 100));
    expect(shouldDisable(streak, day(1))).toBe(false);
  });

  it('should start the streak again after a success', () => {
    const before = failingOn([0, 1, 2, 3, 4, 4.1, 4.2, 4.3, 4.4, 4.5]);
    const recovered = recordAttempt(before, { ok: true, at: day(4.6) });
    expect(recovered).toEqual(HEALTHY);
    expect(shouldDisable(recovered, day(6))).toBe(false);
    const again = failingOn([4.7, 5, 6, 7, 8, 8.1, 8.2, 8.3, 8.4, 9], recovered);
    expect(again.since).toEqual(day(4.7));
    expect(shouldDisable(again, day(9.6))).toBe(false);
    expect(shouldDisable(again, day(9.7))).toBe(true);
  });

  it('should follow a configured policy', () => {
    const policy = { disableAfterMs: 1000, minFailedAttempts: 2 };
    const streak = failingOn([0, 0]);
    expect(shouldDisable(streak, new Date(START.getTime() + 999), policy)).toBe(false);
    expect(shouldDisable(streak, new Date(START.getTime() + 1000), policy)).toBe(true);
    expect(DEFAULT_ENDPOINT_HEALTH_POLICY).toEqual({
      disableAfterMs: 5 * DAY,
      minFailedAttempts: 10,
    });
  });
});
