import { describe, expect, it } from '@jest/globals';
import { afterFailure, isLocked, type ThrottlePolicy, type ThrottleState } from './throttle.js';

const MINUTE = 60_000;
const policy: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 30, 12, 0) + minutes * MINUTE);

function failTimes(times: number[]): ThrottleState | undefined {
  let state: ThrottleState | undefined;
  for (const minute of times) state = afterFailure(state, at(minute), policy);
  return state;
}

describe(afterFailure.name, () => {
  it('should lock on the fifth failure within the window, for the lock time', () => {
    const four = failTimes([0, 1, 2, 3]);
    expect(isLocked(four, at(3))).toBe(false);
    const five = afterFailure(four, at(4), policy);
    expect(isLocked(five, at(4))).toBe(true);
    expect(isLocked(five, at(18.9))).toBe(true);
    expect(isLocked(five, at(19))).toBe(false);
  });

  it('should start counting again when the window has passed', () => {
    const state = failTimes([0, 1, 2, 3, 15]);
    expect(state?.failures).toBe(1);
    expect(isLocked(state, at(15))).toBe(false);
  });

  it('should count anew after a lock, and lock again at the limit', () => {
    const relocked = failTimes([0, 1, 2, 3, 4, 20, 21, 22, 23, 24]);
    expect(isLocked(relocked, at(24))).toBe(true);
    expect(relocked?.lockedUntil).toEqual(at(39));
  });
});

describe(isLocked.name, () => {
  it('should not lock a key without failures', () => {
    expect(isLocked(undefined, at(0))).toBe(false);
  });
});
