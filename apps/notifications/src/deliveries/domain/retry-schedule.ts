/**
 * When a failed delivery is tried again: exponential backoff with full jitter ("Exponential
 * Backoff And Jitter", AWS Architecture Blog): after n failed attempts the next one waits a
 * uniformly random part of a ceiling that grows by `factor` per attempt up to `maxDelay`. Retries
 * go on until an attempt fails `retryFor` after the first one; then the delivery is parked.
 *
 * Durations are counted in units of `unitMs` (a second in production, a millisecond in tests and
 * benchmarks), so the same schedule runs at any speed.
 */
export interface RetryPolicy {
  /** Length of one unit, in milliseconds. */
  unitMs: number;
  /** Ceiling of the first retry's delay (units). */
  firstDelay: number;
  /** How much the ceiling grows per failed attempt (> 1). */
  factor: number;
  /** Highest ceiling (units). */
  maxDelay: number;
  /** Shortest delay (units): a retry never follows a failure at once. */
  minDelay: number;
  /** How long after the first attempt retries go on (units); then the delivery is parked. */
  retryFor: number;
}

/**
 * Production: the first retry within 5 s, then ceilings of 20 s, 80 s, 5 min, 21 min, 85 min,
 * 5.7 h and 6 h at most; retried for 24 h after the first attempt.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  unitMs: 1000,
  firstDelay: 5,
  factor: 4,
  maxDelay: 6 * 3600,
  minDelay: 1,
  retryFor: 24 * 3600,
};

/** A uniform random number in [0, 1): Math.random in production, a fixed sequence in tests. */
export type RandomSource = () => number;

/** The ceiling of the delay after `failedAttempts` (>= 1) failed attempts, in milliseconds. */
export function retryCeilingMs(failedAttempts: number, policy: RetryPolicy): number {
  const exponent = Math.max(0, failedAttempts - 1);
  const units = Math.min(policy.maxDelay, policy.firstDelay * policy.factor ** exponent);
  return Math.max(policy.minDelay, units) * policy.unitMs;
}

/**
 * The delay before the next attempt after `failedAttempts` failed ones, in milliseconds: full
 * jitter over the ceiling, never below the shortest delay. For one draw of `random` the delay
 * does not shrink as failures add up.
 */
export function retryDelayMs(
  failedAttempts: number,
  policy: RetryPolicy,
  random: RandomSource = Math.random,
): number {
  const draw = Math.min(Math.max(random(), 0), 1);
  const ceiling = retryCeilingMs(failedAttempts, policy);
  return Math.max(policy.minDelay * policy.unitMs, Math.floor(draw * ceiling));
}

/**
 * The schedule is exhausted, and the delivery parked, when an attempt fails `retryFor` or more
 * after the first attempt: the retries then span at least that long.
 */
export function isParked(firstAttemptAt: Date, failedAt: Date, policy: RetryPolicy): boolean {
  return failedAt.getTime() - firstAttemptAt.getTime() >= policy.retryFor * policy.unitMs;
}

export type NextStep = { kind: 'retry'; at: Date } | { kind: 'parked' };

/** What follows a failed attempt: a retry at a time, or parking when the schedule is exhausted. */
export function afterFailure(
  attempt: { firstAttemptAt: Date; failedAt: Date; failedAttempts: number },
  policy: RetryPolicy,
  random: RandomSource = Math.random,
): NextStep {
  if (isParked(attempt.firstAttemptAt, attempt.failedAt, policy)) return { kind: 'parked' };
  const delay = retryDelayMs(attempt.failedAttempts, policy, random);
  return { kind: 'retry', at: new Date(attempt.failedAt.getTime() + delay) };
}
