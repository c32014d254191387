import { describe, expect, it } from '@jest/globals';
import { NOTICE_GIVE_UP_AFTER_MS, excerpt, noticeOutcome } from './notice-outcome.js';

const unit = 1000;
const top = () => 0.999_999;

describe(noticeOutcome.name, () => {
  it('should take any 2xx as sent', () => {
    expect(noticeOutcome({ httpStatus: 200, message: '' }, 1, 0, unit)).toEqual({ status: 'SENT' });
    expect(noticeOutcome({ httpStatus: 204, message: '' }, 1, 0, unit).status).toBe('SENT');
  });

  it('should fail a refused notice at once, with the reason', () => {
    expect(
      noticeOutcome({ httpStatus: 400, message: 'params.path must be a path' }, 1, 0, unit),
    ).toEqual({
      status: 'FAILED',
      reason: 'identity refused the notice (400): params.path must be a path',
    });
    expect(noticeOutcome({ httpStatus: 403, message: 'no' }, 1, 0, unit).status).toBe('FAILED');
  });

  it.each([401, 429, 500, 503])('should try a %i again later', (httpStatus) => {
    expect(noticeOutcome({ httpStatus, message: 'later' }, 1, 0, unit).status).toBe('RETRY');
  });

  it('should wait longer after each try, at most an hour', () => {
    const delay = (attempts: number) => {
      const outcome = noticeOutcome({ error: 'ECONNREFUSED' }, attempts, 0, unit, top);
      if (outcome.status !== 'RETRY') throw new Error(outcome.status);
      return outcome.delayMs;
    };
    expect(delay(1)).toBeLessThan(delay(3));
    expect(delay(3)).toBeLessThan(delay(6));
    expect(delay(40)).toBeLessThanOrEqual(3_600_000);
    const least = noticeOutcome({ error: 'x' }, 5, 0, unit, () => 0);
    expect(least).toMatchObject({ status: 'RETRY', delayMs: unit });
  });

  it('should give up a notice a day old', () => {
    const sut = noticeOutcome(
      { httpStatus: 503, message: 'down' },
      30,
      NOTICE_GIVE_UP_AFTER_MS,
      unit,
    );
    expect(sut).toEqual({
      status: 'FAILED',
      reason: 'given up after a day of tries; last: identity answered 503: down',
    });
  });
});

describe(excerpt.name, () => {
  it('should keep one line of at most the length asked', () => {
    expect(excerpt('a\n  b')).toBe('a b');
    expect(excerpt('x'.repeat(400), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});
