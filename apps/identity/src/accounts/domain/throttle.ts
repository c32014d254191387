/** How many failures a key may have in a window before it is locked, and for how long. */
export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

/** Five failed sign-ins for one address within 15 minutes lock it for 15 minutes. */
export const ACCOUNT_THROTTLE: ThrottlePolicy = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

/** Twenty failed sign-ins from one client address within 15 minutes lock it for 15 minutes. */
export const ADDRESS_THROTTLE: ThrottlePolicy = {
  maxFailures: 20,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

/**
 * Five mails to one address within an hour (verification, reset, "already registered") hold
 * its mails for an hour: no one can flood a person's mailbox through sign-up or a forgotten
 * password. The pages answer the same whether a mail went out or not.
 */
export const MAIL_THROTTLE: ThrottlePolicy = {
  maxFailures: 5,
  windowMs: 60 * 60_000,
  lockMs: 60 * 60_000,
};

/** What is known of the recent failures of one key (an address typed, a client address). */
export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | undefined;
}

/** Whether sign-ins for this key are refused at `now` (without checking the password). */
export function isLocked(state: ThrottleState | undefined, now: Date): boolean {
  return state?.lockedUntil !== undefined && state.lockedUntil > now;
}

/**
 * The state after one more failure at `now`: a failure outside the window starts a new one;
 * the failure that reaches the limit locks the key for `lockMs`, and the count starts again.
 */
export function afterFailure(
  state: ThrottleState | undefined,
  now: Date,
  policy: ThrottlePolicy,
): ThrottleState {
  const fresh =
    state === undefined || now.getTime() - state.windowStartedAt.getTime() >= policy.windowMs;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStartedAt = fresh ? now : state.windowStartedAt;
  if (failures >= policy.maxFailures) {
    return {
      failures: 0,
      windowStartedAt: now,
      lockedUntil: new Date(now.getTime() + policy.lockMs),
    };
  }
  return { failures, windowStartedAt, lockedUntil: state?.lockedUntil };
}
