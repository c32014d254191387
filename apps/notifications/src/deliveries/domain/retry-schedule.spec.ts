import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  afterFailure,
  DEFAULT_RETRY_POLICY,
  isParked,
  retryCeilingMs,
  retryDelayMs,
  type RetryPolicy,
} from './retry-schedule.js';

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const draw = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const failures = fc.integer({ min: 1, max: 60 });
const always = (value: number) => () => value;
/** Cycles through the drawn numbers, as a seeded generator would hand them out. */
const sequence = (values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length]!;
};

/** Every attempt of one delivery that never succeeds, from the first until it is parked. */
function attemptsUntilParked(policy: RetryPolicy, random: () => number): Date[] {
  const first = new Date('2026-12-01T00:00:00Z');
  const attempts = [first];
  for (;;) {
    const failedAt = attempts.at(-1)!;
    const next = afterFailure(
      { firstAttemptAt: first, failedAt, failedAttempts: attempts.length },
      policy,
      random,
    );
    if (next.kind === 'parked') return attempts;
    attempts.push(next.at);
  }
}

describe('retry schedule', () => {
  it('should retry first within seconds and grow the ceiling to hours', () => {
    expect(retryCeilingMs(1, DEFAULT_RETRY_POLICY)).toBe(5 * SECOND);
    expect(retryCeilingMs(2, DEFAULT_RETRY_POLICY)).toBe(20 * SECOND);
    expect(retryCeilingMs(7, DEFAULT_RETRY_POLICY)).toBeGreaterThan(5 * HOUR);
    expect(retryCeilingMs(8, DEFAULT_RETRY_POLICY)).toBe(6 * HOUR);
    expect(retryCeilingMs(500, DEFAULT_RETRY_POLICY)).toBe(6 * HOUR);
  });

  it('should never shrink the delay as failures add up, for the same draw', () => {
    fc.assert(
      fc.property(draw, failures, failures, (r, a, b) => {
        const [fewer, more] = a <= b ? [a, b] : [b, a];
        expect(retryDelayMs(fewer, DEFAULT_RETRY_POLICY, always(r))).toBeLessThanOrEqual(
          retryDelayMs(more, DEFAULT_RETRY_POLICY, always(r)),
        );
      }),
    );
  });

  it('should keep the jitter between the shortest delay and the ceiling', () => {
    fc.assert(
      fc.property(draw, failures, (r, n) => {
        const delay = retryDelayMs(n, DEFAULT_RETRY_POLICY, always(r));
        expect(delay).toBeGreaterThanOrEqual(DEFAULT_RETRY_POLICY.minDelay * SECOND);
        expect(delay).toBeLessThanOrEqual(retryCeilingMs(n, DEFAULT_RETRY_POLICY));
        expect(delay).toBeLessThanOrEqual(DEFAULT_RETRY_POLICY.maxDelay * SECOND);
      }),
    );
  });

  it('should spread retries over the whole ceiling (full jitter)', () => {
    expect(retryDelayMs(3, DEFAULT_RETRY_POLICY, always(0.999_999))).toBeGreaterThan(79 * SECOND);
    expect(retryDelayMs(3, DEFAULT_RETRY_POLICY, always(0.5))).toBe(40 * SECOND);
    expect(retryDelayMs(3, DEFAULT_RETRY_POLICY, always(0))).toBe(1 * SECOND);
  });

  it('should span at least 24 hours before parking at production settings, whatever the draws', () => {
    fc.assert(
      fc.property(fc.array(draw, { minLength: 1, maxLength: 20 }), (draws) => {
        const attempts = attemptsUntilParked(DEFAULT_RETRY_POLICY, sequence(draws));
        const span = attempts.at(-1)!.getTime() - attempts[0]!.getTime();
        expect(span).toBeGreaterThanOrEqual(24 * HOUR);
        expect(span).toBeLessThan(24 * HOUR + 6 * HOUR);
      }),
      { numRuns: 50 },
    );
  });

  it('should make about a dozen attempts over the day with middling draws', () => {
    const attempts = attemptsUntilParked(DEFAULT_RETRY_POLICY, always(0.5));
    expect(attempts.length).toBeGreaterThanOrEqual(10);
    expect(attempts.length).toBeLessThanOrEqual(20);
  });

  it('should run the same schedule in milliseconds when the unit is a millisecond', () => {
    const fast: RetryPolicy = { ...DEFAULT_RETRY_POLICY, unitMs: 1 };
    expect(retryCeilingMs(1, fast)).toBe(5);
    const attempts = attemptsUntilParked(fast, always(0.5));
    expect(attempts.length).toBe(attemptsUntilParked(DEFAULT_RETRY_POLICY, always(0.5)).length);
    expect(attempts.at(-1)!.getTime() - attempts[0]!.getTime()).toBeGreaterThanOrEqual(24 * 3600);
  });

  it('should park only once an attempt fails the retry period after the first one', () => {
    const first = new Date('2026-12-01T00:00:00Z');
    const at = (ms: number) => new Date(first.getTime() + ms);
    expect(isParked(first, at(24 * HOUR - 1), DEFAULT_RETRY_POLICY)).toBe(false);
    expect(isParked(first, at(24 * HOUR), DEFAULT_RETRY_POLICY)).toBe(true);
    expect(
      afterFailure(
        { firstAttemptAt: first, failedAt: at(HOUR), failedAttempts: 3 },
        DEFAULT_RETRY_POLICY,
        always(0.5),
      ),
    ).toEqual({ kind: 'retry', at: at(HOUR + 40 * SECOND) });
  });
});
