import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/auth';
import { PartyKind, Role, WorkCategory } from '#libs/contracts';
import { startTestService, type GraphQLResult, type TestService } from '#libs/testing';
import { UpstreamEvents } from '../../../../test/support/upstream-events.js';
import { optOutApp } from '../opt-out.app.js';

const OPT_OUT_FIELDS = `id scope useTypes effectiveFrom withdrawnAt inForce confirmation
  holder { id } work { id }`;

interface OptOutView {
  id: string;
  scope: string;
  useTypes: string[];
  effectiveFrom: string;
  withdrawnAt: string | null;
  inForce: boolean;
  confirmation: string | null;
  holder: { id: string } | null;
  work: { id: string } | null;
}

describe('opt-outs', () => {
  let sut: TestService;
  let registry: UpstreamEvents;
  let society: string;
  const operator: Caller = { role: Role.OPERATOR, partyId: randomUUID() };
  const holderCaller = (partyId: string): Caller => ({ role: Role.RIGHT_HOLDER, partyId });

  const register = (input: Record<string, unknown>, caller: Caller | null) =>
    sut.graphql<{ registerOptOut: OptOutView }>(
      `mutation ($input: RegisterOptOutInput!) { registerOptOut(input: $input) { ${OPT_OUT_FIELDS} } }`,
      { input },
      caller,
    );
  const withdraw = (id: string, caller: Caller) =>
    sut.graphql<{ withdrawOptOut: OptOutView }>(
      `mutation ($id: ID!) { withdrawOptOut(id: $id) { ${OPT_OUT_FIELDS} } }`,
      { id },
      caller,
    );
  const status = async (workId: string, useType?: string, at?: string) =>
    (
      await sut.graphql<{ optOutStatus: { optedOut: boolean; optOuts: { id: string }[] } | null }>(
        `query ($workId: ID!, $useType: UseType, $at: String) {
           optOutStatus(workId: $workId, useType: $useType, at: $at) { optedOut optOuts { id } } }`,
        { workId, useType, at },
      )
    ).data!.optOutStatus;
  const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    sut = await startTestService(optOutApp);
    registry = new UpstreamEvents(sut.app);
    society = await registry.party(PartyKind.SOCIETY);
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should let a holder opt out its own work, with a confirmation it can see', async () => {
    const holder = await registry.holder();
    const work = await registry.work([holder]);
    await registry.settled();
    const result = await register(
      { holderId: holder, scope: 'WORK', workId: work },
      holderCaller(holder),
    );
    expect(result.errors).toBeUndefined();
    const optOut = result.data!.registerOptOut;
    expect(optOut).toMatchObject({
      scope: 'WORK',
      useTypes: [],
      withdrawnAt: null,
      inForce: true,
      holder: { id: holder },
      work: { id: work },
    });
    expect(optOut.confirmation).toContain(`Opt-out ${optOut.id} registered`);
    expect(optOut.confirmation).toContain(`work ${work}`);
    expect(await status(work, 'STREAM')).toEqual({ optedOut: true, optOuts: [{ id: optOut.id }] });
  });

  it('should refuse to act for another holder, for platforms and for anonymous callers', async () => {
    const holder = await registry.holder();
    const stranger = await registry.holder();
    const platform = await registry.party(PartyKind.PLATFORM);
    const work = await registry.work([holder]);
    await registry.settled();
    const input = { holderId: holder, scope: 'WORK', workId: work };
    expect(codeOf(await register(input, holderCaller(stranger)))).toBe('FORBIDDEN');
    expect(codeOf(await register(input, { role: Role.PLATFORM, partyId: platform }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await register(input, null))).toBe('UNAUTHENTICATED');
    expect((await status(work))!.optedOut).toBe(false);
  });

  it('should refuse a work in which the holder has no share', async () => {
    const holder = await registry.holder();
    const other = await registry.holder();
    const othersWork = await registry.work([other]);
    await registry.settled();
    const result = await register(
      { holderId: holder, scope: 'WORK', workId: othersWork },
      holderCaller(holder),
    );
    expect(codeOf(result)).toBe('FORBIDDEN');
    expect(result.errors![0]!.message).toBe(`holder ${holder} has no share in work ${othersWork}`);
    const unknown = await register(
      { holderId: holder, scope: 'WORK', workId: randomUUID() },
      holderCaller(holder),
    );
    expect(codeOf(unknown)).toBe('NOT_FOUND');
  });

  it('should let a society admin act for its members only', async () => {
    const member = await registry.holder({ societyId: society });
    const outsider = await registry.holder();
    await registry.settled();
    const admin: Caller = { role: Role.SOCIETY_ADMIN, partyId: society };
    const ok = await register({ holderId: member, scope: 'ALL_WORKS' }, admin);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.registerOptOut.confirmation).toContain('all works of the holder');
    expect(codeOf(await register({ holderId: outsider, scope: 'ALL_WORKS' }, admin))).toBe(
      'FORBIDDEN',
    );
  });

  it('should refuse a past effectiveFrom except from the operator', async () => {
    const holder = await registry.holder();
    await registry.settled();
    const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const input = { holderId: holder, scope: 'ALL_WORKS', effectiveFrom: lastWeek };
    const refused = await register(input, holderCaller(holder));
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.message).toContain('may not be in the past');
    const corrected = await register(input, operator);
    expect(corrected.data!.registerOptOut.effectiveFrom).toBe(lastWeek);
  });

  it('should check scope and work together', async () => {
    const holder = await registry.holder();
    const work = await registry.work([holder]);
    await registry.settled();
    const caller = holderCaller(holder);
    expect(codeOf(await register({ holderId: holder, scope: 'WORK' }, caller))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      codeOf(await register({ holderId: holder, scope: 'ALL_WORKS', workId: work }, caller)),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await register(
          { holderId: holder, scope: 'WORK', workId: work, useTypes: ['FLY'] },
          caller,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('should apply per use type and bring the work back from the withdrawal, keeping history', async () => {
    const holder = await registry.holder();
    const work = await registry.work([holder]);
    await registry.settled();
    const caller = holderCaller(holder);
    const { id } = (
      await register(
        { holderId: holder, scope: 'WORK', workId: work, useTypes: ['SNS_POST'] },
        caller,
      )
    ).data!.registerOptOut;
    expect((await status(work, 'SNS_POST'))!.optedOut).toBe(true);
    expect((await status(work, 'STREAM'))!.optedOut).toBe(false);
    const before = new Date().toISOString();

    const withdrawn = (await withdraw(id, caller)).data!.withdrawOptOut;
    expect(withdrawn.withdrawnAt).not.toBeNull();
    expect(withdrawn.inForce).toBe(false);
    expect((await status(work, 'SNS_POST'))!.optedOut).toBe(false);
    expect((await status(work, 'SNS_POST', before))!.optedOut).toBe(true);
    // A repeat returns the same withdrawal.
    expect((await withdraw(id, caller)).data!.withdrawOptOut.withdrawnAt).toBe(
      withdrawn.withdrawnAt,
    );
    const history = await sut.graphql<{ optOuts: { id: string; withdrawnAt: string }[] }>(
      `query ($holderId: ID!) { optOuts(holderId: $holderId) { id withdrawnAt } }`,
      { holderId: holder },
      caller,
    );
    expect(history.data!.optOuts).toEqual([{ id, withdrawnAt: withdrawn.withdrawnAt }]);
    const stranger = await registry.holder();
    await registry.settled();
    expect(codeOf(await withdraw(id, holderCaller(stranger)))).toBe('NOT_FOUND');
    const peek = await sut.graphql(
      `query ($holderId: ID!) { optOuts(holderId: $holderId) { id } }`,
      { holderId: holder },
      holderCaller(stranger),
    );
    expect(codeOf(peek)).toBe('NOT_FOUND');
  });

  it('should cover works registered later and follow share changes, for ALL_WORKS', async () => {
    const holder = await registry.holder();
    await registry.settled();
    await register({ holderId: holder, scope: 'ALL_WORKS' }, holderCaller(holder));
    const later = await registry.work([holder], { sharesFrom: new Date() });
    await registry.settled();
    expect((await status(later))!.optedOut).toBe(true);
    const buyer = await registry.holder();
    await registry.sharesChanged(later, [buyer], new Date(Date.now() + 1000));
    await registry.settled();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await status(later))!.optedOut).toBe(false);
  });

  it('should return the first opt-out for a repeated idempotency key, also when racing', async () => {
    const holder = await registry.holder();
    await registry.settled();
    const input = { holderId: holder, scope: 'ALL_WORKS', idempotencyKey: `key-${randomUUID()}` };
    const [a, b] = await Promise.all([
      register(input, holderCaller(holder)),
      register(input, holderCaller(holder)),
    ]);
    const again = await register(input, holderCaller(holder));
    expect(a.data!.registerOptOut.id).toBe(b.data!.registerOptOut.id);
    expect(again.data!.registerOptOut.id).toBe(a.data!.registerOptOut.id);
    const reused = await register({ ...input, useTypes: ['STREAM'] }, holderCaller(holder));
    expect(codeOf(reused)).toBe('CONFLICT');
  });

  it('should answer a repeated opt-out with the one in force, also when racing', async () => {
    const holder = await registry.holder();
    const work = await registry.work([holder]);
    await registry.settled();
    const caller = holderCaller(holder);
    const input = { holderId: holder, scope: 'WORK', workId: work, useTypes: ['STREAM'] };
    const [a, b] = await Promise.all([register(input, caller), register(input, caller)]);
    expect(a.errors).toBeUndefined();
    expect(b.data!.registerOptOut.id).toBe(a.data!.registerOptOut.id);
    const again = await register({ ...input, useTypes: ['STREAM', 'STREAM'] }, caller);
    expect(again.data!.registerOptOut.id).toBe(a.data!.registerOptOut.id);
    // More use types, or all works, are new opt-outs.
    const wider = await register({ ...input, useTypes: ['STREAM', 'SNS_POST'] }, caller);
    expect(wider.data!.registerOptOut.id).not.toBe(a.data!.registerOptOut.id);
    const all = await register({ holderId: holder, scope: 'ALL_WORKS' }, caller);
    const allAgain = await register({ holderId: holder, scope: 'ALL_WORKS' }, caller);
    expect(allAgain.data!.registerOptOut.id).toBe(all.data!.registerOptOut.id);
    const history = await sut.graphql<{ optOuts: { id: string }[] }>(
      `query ($holderId: ID!) { optOuts(holderId: $holderId) { id } }`,
      { holderId: holder },
      caller,
    );
    expect(history.data!.optOuts).toHaveLength(3);
    // Once withdrawn, the same request opts out again.
    await withdraw(a.data!.registerOptOut.id, caller);
    const renewed = await register(input, caller);
    expect(renewed.data!.registerOptOut).toMatchObject({ inForce: true, withdrawnAt: null });
    expect(renewed.data!.registerOptOut.id).not.toBe(a.data!.registerOptOut.id);
  });

  it('should list opted-out works publicly, without personal data', async () => {
    const holder = await registry.holder();
    const work = await registry.work([holder], {
      title: '公開登録のテスト',
      category: WorkCategory.MANGA,
    });
    await registry.settled();
    await register(
      { holderId: holder, scope: 'WORK', workId: work, useTypes: ['ONLINE_READING'] },
      holderCaller(holder),
    );
    const all: { work: { id: string }; title: string; category: string; useTypes: string[] }[] = [];
    let after: string | null = null;
    do {
      const page: GraphQLResult<{
        optOutRegister: {
          edges: { node: (typeof all)[number] }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      }> = await sut.graphql(
        `query ($after: String) { optOutRegister(category: MANGA, first: 1, after: $after) {
           edges { node { work { id } title category useTypes since } }
           pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      all.push(...page.data!.optOutRegister.edges.map((edge) => edge.node));
      after = page.data!.optOutRegister.pageInfo.hasNextPage
        ? page.data!.optOutRegister.pageInfo.endCursor
        : null;
    } while (after);
    expect(all).toContainEqual(
      expect.objectContaining({
        work: { id: work },
        title: '公開登録のテスト',
        category: 'MANGA',
        useTypes: ['ONLINE_READING'],
      }),
    );
    expect(all.every((entry) => entry.category === 'MANGA')).toBe(true);
    const anonymous = await sut.graphql<{
      _entities: { optOuts: { holder: unknown; confirmation: unknown }[] }[];
    }>(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) {
         ... on Work { optOuts { holder { id } confirmation } } } }`,
      { reps: [{ __typename: 'Work', id: work }] },
    );
    expect(anonymous.data!._entities[0]!.optOuts).toEqual([{ holder: null, confirmation: null }]);
  });

  it('should filter the public register by title and category, say which uses and from when, and count it', async () => {
    const holder = await registry.holder();
    const work = (title: string, category = WorkCategory.MUSIC) =>
      registry.work([holder], { title, category });
    const nocturne = await work('ＫＥＳＴＲＥＬＷＩＮＧ Nocturne');
    const elegy = await work('kestrelwing elegy');
    const harbour = await work('Harbour Lights');
    const saga = await work('Kestrelwing Saga', WorkCategory.MANGA);
    await registry.settled();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const optOut = async (workId: string, useTypes: string[], effectiveFrom?: string) =>
      expect(
        (
          await register(
            { holderId: holder, scope: 'WORK', workId, useTypes, effectiveFrom },
            holderCaller(holder),
          )
        ).errors,
      ).toBeUndefined();
    await optOut(nocturne, ['STREAM', 'SNS_POST']);
    await optOut(elegy, [], tomorrow);
    await optOut(harbour, ['STREAM']);
    await optOut(saga, ['ONLINE_READING']);

    type Entry = { work: { id: string }; title: string; useTypes: string[]; since: string };
    const page = (variables: Record<string, unknown>) =>
      sut.graphql<{
        optOutRegister: {
          totalCount: number;
          edges: { node: Entry }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      }>(
        `query ($query: String, $category: WorkCategory, $first: Int, $after: String) {
           optOutRegister(query: $query, category: $category, first: $first, after: $after) {
             totalCount edges { node { work { id } title useTypes since } }
             pageInfo { hasNextPage endCursor } } }`,
        variables,
      );
    const everything = async (variables: Record<string, unknown>) => {
      const entries: Entry[] = [];
      const counts = new Set<number>();
      let after: string | null = null;
      do {
        const result = await page({ ...variables, first: 1, after });
        expect(result.errors).toBeUndefined();
        counts.add(result.data!.optOutRegister.totalCount);
        entries.push(...result.data!.optOutRegister.edges.map((edge) => edge.node));
        const { hasNextPage, endCursor } = result.data!.optOutRegister.pageInfo;
        after = hasNextPage ? endCursor : null;
      } while (after);
      expect([...counts]).toEqual([entries.length]);
      return entries;
    };

    const found = await everything({ query: 'Kestrelwing' });
    // A client's unset variables arrive as explicit nulls: no filter, as when absent.
    const unfiltered = await page({ query: null, category: null, first: 50, after: null });
    expect(unfiltered.errors).toBeUndefined();
    expect(unfiltered.data!.optOutRegister.totalCount).toBeGreaterThanOrEqual(found.length);
    expect(found.map((entry) => entry.work.id).sort()).toEqual([nocturne, elegy, saga].sort());
    const music = await everything({ query: ' kestrelWING ', category: 'MUSIC' });
    const byId = new Map(music.map((entry) => [entry.work.id, entry]));
    expect([...byId.keys()].sort()).toEqual([nocturne, elegy].sort());
    expect(byId.get(nocturne)!.useTypes).toEqual(['SNS_POST', 'STREAM']);
    expect(byId.get(elegy)).toMatchObject({ useTypes: [], since: tomorrow });
    expect(await everything({ query: 'no such title anywhere' })).toEqual([]);
    expect((await everything({})).map((entry) => entry.work.id)).toEqual(
      expect.arrayContaining([nocturne, elegy, harbour, saga]),
    );
    expect(codeOf(await page({ query: 'x'.repeat(201) }))).toBe('BAD_USER_INPUT');
  });

  it('should publish optout.registered and optout.withdrawn through the outbox', async () => {
    const holder = await registry.holder();
    await registry.settled();
    const { id } = (await register({ holderId: holder, scope: 'ALL_WORKS' }, holderCaller(holder)))
      .data!.registerOptOut;
    await withdraw(id, holderCaller(holder));
    const deadline = Date.now() + 10_000;
    let types: string[] = [];
    while (types.length < 2 && Date.now() < deadline) {
      const rows = await sut.app
        .get(DataSource)
        .query<{ type: string }[]>(
          `SELECT value->>'type' AS type FROM eventlog.events WHERE key = $1 ORDER BY "offset"`,
          [id],
        );
      types = rows.map((row) => row.type);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(types).toEqual(['optout.registered', 'optout.withdrawn']);
  });
});
