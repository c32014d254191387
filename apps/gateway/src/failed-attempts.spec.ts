import { describe, expect, it } from '@jest/globals';
import { FailedAttempts } from './failed-attempts.js';

describe(FailedAttempts.name, () => {
  const setup = (limit = 3) => {
    let now = 1_000;
    const sut = new FailedAttempts(limit, 60_000, () => now);
    return { sut, advance: (ms: number) => (now += ms) };
  };

  it('should let a client try until it has failed `limit` times in a minute', () => {
    const { sut } = setup();
    sut.fail('a');
    sut.fail('a');
    expect(sut.waitFor('a')).toBe(0);
    sut.fail('a');
    expect(sut.waitFor('a')).toBe(60_000);
  });

  it('should count each client on its own', () => {
    const { sut } = setup(1);
    sut.fail('a');
    expect(sut.waitFor('a')).toBeGreaterThan(0);
    expect(sut.waitFor('b')).toBe(0);
  });

  it('should let the client try again once the window has ended', () => {
    const { sut, advance } = setup(1);
    sut.fail('a');
    advance(59_000);
    expect(sut.waitFor('a')).toBe(1_000);
    advance(1_000);
    expect(sut.waitFor('a')).toBe(0);
  });

  it('should take back a failure counted before the outcome was known', () => {
    const { sut } = setup(2);
    sut.fail('a');
    sut.fail('a');
    expect(sut.waitFor('a')).toBeGreaterThan(0);
    sut.forgive('a');
    expect(sut.waitFor('a')).toBe(0);
  });
});
