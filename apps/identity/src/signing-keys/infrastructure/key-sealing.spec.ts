import { describe, expect, it } from '@jest/globals';
import { KeySealer, UnsealError } from './key-sealing.js';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const PRIVATE = JSON.stringify({ kty: 'EC', crv: 'P-256', d: 'private-part', x: 'x', y: 'y' });

function setup() {
  return { sut: new KeySealer(SECRET) };
}

describe(KeySealer.name, () => {
  it('should open what it sealed, and keep nothing of it readable', () => {
    const { sut } = setup();
    const sealed = sut.seal('kid-1', PRIVATE);
    expect(sealed).not.toContain('private-part');
    expect(sealed).not.toContain('"d"');
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(sut.open('kid-1', sealed)).toBe(PRIVATE);
  });

  it('should seal the same key differently each time (a fresh IV)', () => {
    const { sut } = setup();
    expect(sut.seal('kid-1', PRIVATE)).not.toBe(sut.seal('kid-1', PRIVATE));
  });

  it('should refuse to open under another secret', () => {
    const { sut } = setup();
    const sealed = sut.seal('kid-1', PRIVATE);
    expect(() => new KeySealer(`${SECRET}-changed`).open('kid-1', sealed)).toThrow(UnsealError);
  });

  it('should refuse a sealed key moved to another key id, or altered', () => {
    const { sut } = setup();
    const sealed = sut.seal('kid-1', PRIVATE);
    expect(() => sut.open('kid-2', sealed)).toThrow(UnsealError);
    const altered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`;
    expect(() => sut.open('kid-1', altered)).toThrow(UnsealError);
    expect(() => sut.open('kid-1', 'not sealed')).toThrow(UnsealError);
  });

  it('should derive cookie keys from the secret, distinct from the sealing', () => {
    const { sut } = setup();
    expect(sut.cookieKeys()).toEqual(new KeySealer(SECRET).cookieKeys());
    expect(sut.cookieKeys()).not.toEqual(new KeySealer(`${SECRET}-changed`).cookieKeys());
    expect(sut.cookieKeys()[0]).not.toContain(SECRET);
  });
});
