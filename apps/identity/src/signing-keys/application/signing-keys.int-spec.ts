import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { createDataSource } from '#libs/database';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { identityDatabase } from '../../identity.database.js';
import { KeySealer } from '../infrastructure/key-sealing.js';
import { SigningKeyStore } from '../infrastructure/signing-key.store.js';
import { SigningKeys } from './signing-keys.js';

const DAY = 24 * 3600_000;
const HOUR = 3600_000;
const START = new Date('2026-11-30T00:00:00Z');
const SECRET = 'a-secret-of-at-least-thirty-two-characters';

describe(SigningKeys.name, () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase([identityDatabase]);
    dataSource = await createDataSource(identityDatabase, {
      url: database.url,
      poolSize: 4,
    }).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  /** Signing keys on a clean table, with a clock the test sets. */
  async function setup() {
    await dataSource.query('DELETE FROM identity.signing_keys');
    const clock = { now: START };
    const sut = new SigningKeys(
      new SigningKeyStore(dataSource),
      new KeySealer(SECRET),
      { rotateAfterMs: 30 * DAY, keepRetiredMs: 2 * HOUR, announceMs: HOUR },
      () => clock.now,
    );
    const storedKids = async () =>
      (await dataSource.query<{ kid: string }[]>('SELECT kid FROM identity.signing_keys')).map(
        (row) => row.kid,
      );
    return { sut, clock, storedKids };
  }

  it('should make one key when there is none, even when asked from several places at once', async () => {
    const { sut, storedKids } = await setup();
    const sets = await Promise.all([sut.current(), sut.current(), sut.current()]);
    expect(await storedKids()).toHaveLength(1);
    expect(new Set(sets.map((set) => set.kids.join()))).toEqual(new Set([sets[0].kids[0]]));
    expect(sets[0].keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    expect(sets[0].keys[0]).toHaveProperty('d');
  });

  it('should publish the next key an hour before it signs, then keep the old one published', async () => {
    const { sut, clock, storedKids } = await setup();
    const first = (await sut.current()).kids[0];

    clock.now = new Date(START.getTime() + 29 * DAY);
    expect((await sut.current()).kids).toEqual([first]);

    clock.now = new Date(START.getTime() + 30 * DAY - HOUR);
    const announced = await sut.current();
    expect(announced.kids).toHaveLength(2);
    expect(announced.kids[0]).toBe(first);
    const next = announced.kids[1];
    expect((await sut.current()).kids).toEqual([first, next]);

    clock.now = new Date(START.getTime() + 30 * DAY);
    const rotated = await sut.current();
    expect(rotated.kids).toEqual([next, first]);

    clock.now = new Date(START.getTime() + 30 * DAY + 2 * HOUR);
    const later = await sut.current();
    expect(later.kids).toEqual([next]);
    expect(await storedKids()).toEqual([next]);
  });

  it('should rotate at once when asked', async () => {
    const { sut } = await setup();
    const first = (await sut.current()).kids[0];
    const rotated = await sut.current({ rotate: true });
    expect(rotated.kids).toEqual([expect.not.stringMatching(first!), first]);
  });
});
