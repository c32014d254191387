import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { cursorOf, keyOf } from './pages.js';

describe(keyOf.name, () => {
  it('should give back the key of a cursor of cursorOf', () => {
    const id = randomUUID();
    expect(keyOf(cursorOf(id))).toBe(id);
  });

  it.each([
    '',
    'x',
    'not a cursor!',
    cursorOf('not-an-id'),
    cursorOf(`${randomUUID()}\u0000`),
    Buffer.from([0xff, 0xfe, 0x00]).toString('base64url'),
    `${cursorOf(randomUUID())}=`,
  ])('should refuse %j with BAD_USER_INPUT', (cursor) => {
    expect(() => keyOf(cursor)).toThrow(
      expect.objectContaining({
        message: 'after: the cursor is not valid',
        extensions: { code: 'BAD_USER_INPUT' },
      }),
    );
  });
});
