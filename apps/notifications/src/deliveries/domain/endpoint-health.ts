/**
 * When an endpoint that keeps failing is disabled: its current failure streak (the failed
 * attempts since its last success) began at least `disableAfterMs` ago and holds at least
 * `minFailedAttempts` failed attempts. Both are needed: a streak of a few attempts days apart
 * (little traffic) and a burst of failures within an hour disable nothing.
 */
export interface EndpointHealthPolicy {
  /** How long an endpoint may go on failing without any success (ms). */
  disableAfterMs: number;
  /** How many failed attempts the streak must hold. */
  minFailedAttempts: number;
}

export const DEFAULT_ENDPOINT_HEALTH_POLICY: EndpointHealthPolicy = {
  disableAfterMs: 5 * 24 * 3600 * 1000,
  minFailedAttempts: 10,
};

/** The failed attempts since the endpoint's last success. */
export interface FailureStreak {
  /** The first failed attempt after the last success; null when the last attempt succeeded. */
  since: Date | null;
  failedAttempts: number;
}

export const HEALTHY: FailureStreak = { since: null, failedAttempts: 0 };

/** The streak after one more attempt: a success ends it, a failure adds to it (or starts it). */
export function recordAttempt(
  streak: FailureStreak,
  attempt: { ok: boolean; at: Date },
): FailureStreak {
  if (attempt.ok) return HEALTHY;
  return { since: streak.since ?? attempt.at, failedAttempts: streak.failedAttempts + 1 };
}

/** Whether the endpoint has failed long enough, and often enough, to be disabled now. */
export function shouldDisable(
  streak: FailureStreak,
  now: Date,
  policy: EndpointHealthPolicy = DEFAULT_ENDPOINT_HEALTH_POLICY,
): boolean {
  if (streak.since === null) return false;
  return (
    now.getTime() - streak.since.getTime() >= policy.disableAfterMs &&
    streak.failedAttempts >= policy.minFailedAttempts
  );
}
