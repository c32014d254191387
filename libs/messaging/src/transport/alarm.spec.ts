import { describe, expect, it } from '@jest/globals';
import { Alarm } from './alarm.js';

describe(Alarm.name, () => {
  it('should return at once when woken while nobody slept', async () => {
    const sut = new Alarm();
    sut.wake();
    const started = Date.now();
    await sut.sleep(10_000);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('should end a sleep early when woken', async () => {
    const sut = new Alarm();
    const sleeping = sut.sleep(10_000);
    setTimeout(() => sut.wake(), 5);
    await expect(sleeping).resolves.toBeUndefined();
  });

  it('should sleep until the timeout without a wake-up, and not remember a consumed one', async () => {
    const sut = new Alarm();
    sut.wake();
    await sut.sleep(10_000); // consumes the wake-up
    let woke = false;
    const sleeping = sut.sleep(20).then(() => (woke = true));
    expect(woke).toBe(false);
    await sleeping;
    expect(woke).toBe(true);
  });
});
