import {
  retryDelayMs,
  type RandomSource,
  type RetryPolicy,
} from '../../deliveries/domain/retry-schedule.js';

/**
 * The deliveries' retry schedule with a notice's bounds, in units of a second in production: a
 * wait that doubles per try from one unit, at most an hour, for a day (as webhooks are).
 */
export const NOTICE_RETRY_POLICY: RetryPolicy = {
  unitMs: 1000,
  firstDelay: 1,
  factor: 2,
  maxDelay: 3600,
  minDelay: 1,
  retryFor: 24 * 3600,
};

/** How long a notice is tried before it is given up, at production speed. */
export const NOTICE_GIVE_UP_AFTER_MS = NOTICE_RETRY_POLICY.retryFor * NOTICE_RETRY_POLICY.unitMs;

/** What the identity app's answer (or its absence) makes of a notice. */
export type NoticeOutcome =
  | { status: 'SENT' }
  | { status: 'FAILED'; reason: string }
  | { status: 'RETRY'; reason: string; delayMs: number };

/** A try's result: the HTTP status and a short excerpt of the answer, or why there was none. */
export type NoticeTry = { httpStatus: number; message: string } | { error: string };

/**
 * 2xx: sent. A 4xx other than 401 and 429 is a notice identity will never take: failed with
 * its reason, not tried again. Anything else (5xx, no answer, 401 with a token gone stale, 429)
 * is tried again on NOTICE_RETRY_POLICY in units of `unitMs` (full jitter from `random`), and
 * failed once the notice is as old as the schedule is long (a day at production speed).
 */
export function noticeOutcome(
  result: NoticeTry,
  attempts: number,
  ageMs: number,
  unitMs: number,
  random: RandomSource = Math.random,
): NoticeOutcome {
  const policy = { ...NOTICE_RETRY_POLICY, unitMs };
  if ('httpStatus' in result) {
    const { httpStatus, message } = result;
    if (httpStatus >= 200 && httpStatus < 300) return { status: 'SENT' };
    if (httpStatus >= 400 && httpStatus < 500 && httpStatus !== 401 && httpStatus !== 429) {
      return {
        status: 'FAILED',
        reason: `identity refused the notice (${httpStatus}): ${message}`,
      };
    }
  }
  const reason =
    'httpStatus' in result
      ? `identity answered ${result.httpStatus}: ${result.message}`
      : `identity could not be reached: ${result.error}`;
  if (ageMs >= policy.retryFor * unitMs) {
    return { status: 'FAILED', reason: `given up after a day of tries; last: ${reason}` };
  }
  return { status: 'RETRY', reason, delayMs: retryDelayMs(attempts, policy, random) };
}

/** The start of an answer's text, on one line: enough to see why, never a whole body. */
export function excerpt(text: string, max = 300): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
