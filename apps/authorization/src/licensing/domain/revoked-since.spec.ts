import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { revokedCursorOf, revokedPositionOf } from './revoked-since.js';

describe(revokedPositionOf.name, () => {
  it('should give back the position a cursor stands for', () => {
    const position = { revokedAt: new Date('2026-11-30T12:34:56.789Z'), id: randomUUID() };
    expect(revokedPositionOf(revokedCursorOf(position))).toEqual(position);
  });

  it('should refuse what is not a cursor of this order', () => {
    const id = randomUUID();
    const cursor = (text: string) => Buffer.from(text).toString('base64url');
    expect(revokedPositionOf('not a cursor!')).toBeNull();
    expect(revokedPositionOf(cursor(id))).toBeNull();
    expect(revokedPositionOf(cursor(`2026-02-30T00:00:00.000Z|${id}`))).toBeNull();
    expect(revokedPositionOf(cursor(`2026-11-30T00:00:00Z|${id}`))).toBeNull();
    expect(revokedPositionOf(cursor('2026-11-30T00:00:00.000Z|nope'))).toBeNull();
    expect(revokedPositionOf(cursor(`2026-11-30T00:00:00.000Z|${id}|x`))).toBeNull();
  });
});
