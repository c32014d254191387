import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Tokens } from '#libs/auth';
import { Role } from '#libs/contracts';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import {
  caughtUp,
  eventually,
  startServiceProcesses,
  type ServiceProcess,
} from './support/service-processes.js';

/**
 * The requested period starts tomorrow: the holder's opt-out, registered today, is in force on
 * its first day (on a fixed date it would not be once that date is today).
 */
const FIRST_DAY = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const LAST_DAY = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);

interface ItemView {
  decision: string;
  reason: string;
  work: { id: string } | null;
  match: { method: string; score: number } | null;
  candidates: { work: { id: string }; method: string; score: number }[];
  license: { id: string } | null;
  unidentifiedReference: string | null;
}

const ITEM_FIELDS = `decision reason work { id } match { method score }
  candidates { work { id } method score } license { id } unidentifiedReference`;

/**
 * Licensing by title through the one matcher, with the registry, opt-out and authorization
 * as separate processes on one PostgreSQL: a title spelled in another script, reading or
 * kanji form is the opted-out work it names, a near miss waits for the work to be named, and
 * search and licensing agree on which work a title is.
 */
describe('licensing by title across scripts', () => {
  let database: TestDatabase;
  let registry: ServiceProcess;
  let optOut: ServiceProcess;
  let authorization: ServiceProcess;
  const secret = randomBytes(32).toString('hex');
  const tokens = new Tokens(secret);
  const token = (role: Role, partyId: string = randomUUID()) =>
    tokens.issue({ role, partyId }, 600);
  let platform: string;
  let sakura: string;
  let dawn: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { DATABASE_URL: database.url, AUTH_JWT_SECRET: secret };
    [registry, optOut, authorization] = await startServiceProcesses(
      ['rights-registry', 'opt-out', 'authorization'],
      env,
    );
    const operator = await token(Role.OPERATOR);
    const register = async (input: Record<string, unknown>) =>
      (
        await registry.graphql<{ registerParty: { id: string } }>(
          'mutation ($input: RegisterPartyInput!) { registerParty(input: $input) { id } }',
          { input },
          operator,
        )
      ).data!.registerParty.id;
    const society = await register({ kind: 'SOCIETY', name: 'さくら音楽著作権協会' });
    const tanaka = await register({ kind: 'RIGHT_HOLDER', name: '田中 ゆい', country: 'JP' });
    const yamada = await register({ kind: 'RIGHT_HOLDER', name: '山田 花子', country: 'JP' });
    platform = await token(
      Role.PLATFORM,
      await register({ kind: 'PLATFORM', name: 'Sakura Video' }),
    );
    const registerWork = async (holder: string, title: string) => {
      const result = await registry.graphql<{ registerWork: { id: string } }>(
        `mutation ($holder: ID!, $title: String!) { registerWork(input: { title: $title,
           category: MUSIC, shares: [{ holderId: $holder, rightType: MAKING_AVAILABLE, shareBps: 10000 }] }) { id } }`,
        { holder, title },
        await token(Role.RIGHT_HOLDER, holder),
      );
      expect(result.errors).toBeUndefined();
      return result.data!.registerWork.id;
    };
    sakura = await registerWork(tanaka, '桜の雨');
    dawn = await registerWork(yamada, '夜明けのうた');
    await caughtUp(authorization);
    for (const category of ['MUSIC', 'UGC']) {
      const scheme = await authorization.graphql(
        `mutation ($society: ID!, $category: WorkCategory!) { createEclScheme(input: {
           societyId: $society, category: $category, useTypes: [STREAM], territories: ["JP"],
           rightType: MAKING_AVAILABLE, unitRateMinor: "2", currency: "JPY",
           coversUnidentified: true }) { id } }`,
        { society, category },
        operator,
      );
      expect(scheme.errors).toBeUndefined();
    }
    await caughtUp(optOut);
    const opted = await optOut.graphql(
      `mutation ($holder: ID!) { registerOptOut(input: { holderId: $holder, scope: ALL_WORKS }) { id } }`,
      { holder: tanaka },
      await token(Role.RIGHT_HOLDER, tanaka),
    );
    expect(opted.errors).toBeUndefined();
    await eventually(
      async () =>
        (await requestUse([{ workId: sakura }])).items[0]!.decision === 'DENIED_OPTED_OUT',
    );
  });

  afterAll(async () => {
    await Promise.all([registry?.stop(), optOut?.stop(), authorization?.stop()]);
    await database?.drop();
  });

  const requestUse = async (items: Record<string, unknown>[], key: string = randomUUID()) => {
    const result = await authorization.graphql<{ requestUse: { items: ItemView[] } }>(
      `mutation ($input: RequestUseInput!) { requestUse(input: $input) { items { ${ITEM_FIELDS} } } }`,
      {
        input: {
          idempotencyKey: key,
          items: items.map((item) => ({
            useType: 'STREAM',
            territory: 'JP',
            from: FIRST_DAY,
            to: LAST_DAY,
            expectedQuantity: 1000,
            ...item,
          })),
        },
      },
      platform,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.requestUse;
  };

  it('should deny an opted-out work named in any script, reading or kanji form', async () => {
    const spellings: [string, string, number][] = [
      ['さくらのあめ', 'READING', 0.95],
      ['サクラノアメ', 'READING', 0.95],
      ['櫻の雨', 'EXACT_TITLE', 1],
      ['桜之雨', 'READING', 0.95],
      ['Sakura no Ame', 'READING', 0.95],
      ['桜 の 雨', 'EXACT_TITLE', 1],
      // The same work as platforms' catalogues decorate it.
      ['桜の雨 (Live)', 'EXACT_TITLE', 0.9],
      ['桜の雨 feat. 初音ミク', 'EXACT_TITLE', 0.9],
      ['Sakura no Ame [2019 Remaster]', 'READING', 0.855],
    ];
    const { items } = await requestUse(spellings.map(([title]) => ({ title, category: 'MUSIC' })));
    expect(items.map((item) => [item.decision, item.work?.id, item.match, item.license])).toEqual(
      spellings.map(([, method, score]) => ['DENIED_OPTED_OUT', sakura, { method, score }, null]),
    );
  });

  it('should hold a near miss of an opted-out work as PENDING with the work among its candidates, the same on a replay', async () => {
    const key = randomUUID();
    const items = [
      { title: '桜の雨が降る日', category: 'MUSIC' },
      { title: 'ミッドナイト・ラジオ', category: 'MUSIC' },
      { workId: dawn },
    ];
    const first = await requestUse(items, key);
    const [nearMiss, unrelated, byId] = first.items;
    expect(nearMiss).toMatchObject({
      decision: 'PENDING',
      work: null,
      match: null,
      license: null,
      unidentifiedReference: null,
    });
    expect(nearMiss!.candidates).toContainEqual({
      work: { id: sakura },
      method: expect.any(String),
      score: expect.any(Number),
    });
    expect(nearMiss!.reason).toContain(`桜の雨 (${sakura})`);
    expect(nearMiss!.reason).toContain('opted out');
    expect(unrelated).toMatchObject({
      decision: 'GRANTED_ECL_UNIDENTIFIED',
      work: null,
      match: null,
      candidates: [],
    });
    expect(byId).toMatchObject({
      decision: 'GRANTED_ECL',
      work: { id: dawn },
      match: { method: 'IDENTIFIER', score: 1 },
      candidates: [],
    });
    expect(await requestUse(items, key)).toEqual(first);
  });

  it('should not grant an opted-out work disguised by another category, invisible characters or look-alike letters', async () => {
    const { items } = await requestUse([
      // The opted-out work's title, asked for as user-generated content.
      { title: 'さくらのあめ', category: 'UGC' },
      // A word joiner inside the title, in a longer title that holds it.
      { title: '桜\u2060の雨が降る夜に', category: 'MUSIC' },
    ]);
    for (const item of items) {
      expect(item.decision).toBe('PENDING');
      expect(item.license).toBeNull();
      expect(item.candidates.map((candidate) => candidate.work.id)).toContain(sakura);
    }
  });

  it('should find the same work for a title in search and in licensing', async () => {
    const search = await registry.graphql<{ searchWorks: { id: string }[] }>(
      '{ searchWorks(query: "夜明けの歌") { id } }',
      {},
      platform,
    );
    expect(search.errors).toBeUndefined();
    expect(search.data!.searchWorks[0]?.id).toBe(dawn);
    const { items } = await requestUse([{ title: '夜明けの歌', category: 'MUSIC' }]);
    expect(items[0]).toMatchObject({
      decision: 'GRANTED_ECL',
      work: { id: dawn },
      match: { method: 'READING', score: 0.95 },
    });
  });
});
