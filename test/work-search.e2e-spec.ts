import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { startMain, type MainProcess } from './support/systems.js';
import { graphqlAt } from './support/graphql.js';

interface Match {
  work: { title: string };
  method: string;
  score: number;
}

/** Work search through the gateway, anonymously, over the demo's catalogue. */
describe('work search through the gateway', () => {
  let database: TestDatabase;
  let dataDir: string;
  let main: MainProcess;

  const matchWorks = async (query: string): Promise<Match[]> => {
    const result = await graphqlAt<{ matchWorks: Match[] }>(
      main.gatewayUrl,
      'query ($q: String!) { matchWorks(query: $q) { work { title } method score } }',
      { q: query },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.matchWorks;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'work-search-'));
    main = await startMain({
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
    });
  });

  afterAll(async () => {
    await main?.stop();
    await rm(dataDir, { recursive: true, force: true });
    await database?.drop();
  });

  it('should find a title in kana by its kanji spelling, with searchWorks and matchWorks alike', async () => {
    const searched = await graphqlAt<{ searchWorks: { title: string }[] }>(
      main.gatewayUrl,
      '{ searchWorks(query: "夜明けの歌") { title } }',
    );

    expect(searched.data!.searchWorks).toContainEqual({ title: '夜明けのうた' });
    expect((await matchWorks('夜明けの歌'))[0]).toMatchObject({
      work: { title: '夜明けのうた' },
      method: 'READING',
    });
  });

  it('should find a title by its reading and by a part of it', async () => {
    expect((await matchWorks('さくらのあめ'))[0]).toMatchObject({
      work: { title: '桜の雨' },
      method: 'READING',
    });
    expect(await matchWorks('宇宙人')).toContainEqual(
      expect.objectContaining({ work: { title: 'となりの宇宙人' }, method: 'PARTIAL' }),
    );
  });
});
