/** How long a notice is tried before it is given up: a day, as webhooks are. */
export const NOTICE_GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000;

/** The longest wait between two tries. */
const MAX_DELAY_MS = 60 * 60 * 1000;

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
 * is tried again after a wait that doubles per try (`unitMs`, 2 units, 4... at most an hour,
 * with full jitter from `random`), and failed once the notice is a day old.
 */
export function noticeOutcome(
  result: NoticeTry,
  attempts: number,
  ageMs: number,
  unitMs: number,
  random: () => number = Math.random,
): NoticeOutcome {
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
  if (ageMs >= NOTICE_GIVE_UP_AFTER_MS) {
    return { status: 'FAILED', reason: `given up after a day of tries; last: ${reason}` };
  }
  const ceiling = Math.min(MAX_DELAY_MS, unitMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30));
  return { status: 'RETRY', reason, delayMs: Math.max(unitMs, Math.floor(random() * ceiling)) };
}

/** The start of an answer's text, on one line: enough to see why, never a whole body. */
export function excerpt(text: string, max = 300): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
