import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Caller } from '#libs/auth';
import { IdentifierScheme, PartyKind, RightType, Role, WorkCategory } from '#libs/contracts';
import { startTestService, type GraphQLResult, type TestService } from '#libs/testing';
import { rightsRegistryApp } from '../rights-registry.app.js';
import { TEST_OPERATOR, registeredParty } from '../../../../test/support/registry-parties.js';

const WORK_FIELDS = `id title category identifiers { scheme value } disputed openDisputes { reason }
  shares { holderId rightType shareBps holder { name } }`;
const REGISTER_WORK = `mutation ($input: RegisterWorkInput!) { registerWork(input: $input) { ${WORK_FIELDS} } }`;
const UPDATE_SHARES = `mutation ($input: UpdateWorkSharesInput!) { updateWorkShares(input: $input) { id } }`;

interface WorkResult {
  id: string;
  title: string;
  identifiers: { scheme: string; value: string }[];
  disputed: boolean;
  openDisputes: { reason: string }[];
  shares: { holderId: string; rightType: string; shareBps: number; holder: { name: string } }[];
}

const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;

describe('works', () => {
  let sut: TestService;
  const operator = TEST_OPERATOR;
  let society: string;
  let alice: Caller;
  let bob: Caller;

  const party = (input: Record<string, unknown>) => registeredParty(sut, input);

  const registerWork = (input: Record<string, unknown>, caller: Caller) =>
    sut.graphql<{ registerWork: WorkResult }>(REGISTER_WORK, { input }, caller);

  const performance = (holderId: string, shareBps = 10_000) => ({
    holderId,
    rightType: RightType.PERFORMANCE,
    shareBps,
  });

  beforeAll(async () => {
    sut = await startTestService(rightsRegistryApp);
    society = await party({ kind: PartyKind.SOCIETY, name: 'JWS' });
    alice = {
      role: Role.RIGHT_HOLDER,
      partyId: await party({
        kind: PartyKind.RIGHT_HOLDER,
        name: 'Alice',
        memberOfSocietyId: society,
      }),
    };
    bob = {
      role: Role.RIGHT_HOLDER,
      partyId: await party({ kind: PartyKind.RIGHT_HOLDER, name: 'Bob' }),
    };
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should register a work with its identifiers in stored form and its shares', async () => {
    const result = await registerWork(
      {
        title: '夜に駆ける',
        category: WorkCategory.MUSIC,
        creatorNames: ['Ayase'],
        alternativeTitles: [{ title: 'Yoru ni Kakeru', language: 'ja-Latn' }],
        identifiers: [{ scheme: IdentifierScheme.ISWC, value: 'T-034.524.680-1' }],
        shares: [performance(alice.partyId, 6000), performance(bob.partyId, 4000)],
      },
      alice,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.registerWork).toMatchObject({
      title: '夜に駆ける',
      identifiers: [{ scheme: 'ISWC', value: 'T0345246801' }],
      disputed: false,
    });
    expect(result.data!.registerWork.shares.map((s) => [s.holder.name, s.shareBps]).sort()).toEqual(
      [
        ['Alice', 6000],
        ['Bob', 4000],
      ],
    );
  });

  it('should refuse the same identifier from its own holder, naming the existing work, in any written form', async () => {
    const result = await registerWork(
      {
        title: 'Again',
        category: WorkCategory.MUSIC,
        identifiers: [{ scheme: IdentifierScheme.ISWC, value: 'T0345246801' }],
        shares: [performance(alice.partyId)],
      },
      alice,
    );
    expect(codeOf(result)).toBe('CONFLICT');
    expect(result.errors![0]!.message).toMatch(
      /ISWC T0345246801 is already registered to work [0-9a-f-]{36} \(夜に駆ける\)/,
    );
  });

  it('should open a dispute when another holder claims a registered identifier, overwriting nothing', async () => {
    const carol: Caller = {
      role: Role.RIGHT_HOLDER,
      partyId: await party({ kind: PartyKind.RIGHT_HOLDER, name: 'Carol' }),
    };
    const original = (
      await registerWork(
        {
          title: 'Original Film',
          category: WorkCategory.FILM,
          identifiers: [{ scheme: IdentifierScheme.ISAN, value: 'ISAN 0000-0000-3A8D-0000-Z' }],
          shares: [performance(bob.partyId)],
        },
        bob,
      )
    ).data!.registerWork;
    const claim = await registerWork(
      {
        title: 'My Film',
        category: WorkCategory.FILM,
        identifiers: [{ scheme: IdentifierScheme.ISAN, value: '0000-0000-3A8D-0000-Z' }],
        shares: [performance(carol.partyId)],
      },
      carol,
    );
    expect(claim.errors).toBeUndefined();
    expect(claim.data!.registerWork).toMatchObject({
      id: original.id,
      title: 'Original Film',
      disputed: true,
      openDisputes: [
        {
          reason: `ISAN 000000003A8D0000Z is registered to work ${original.id} with other holders`,
        },
      ],
    });
    expect(claim.data!.registerWork.shares.map((s) => s.holderId)).toEqual([bob.partyId]);
  });

  it('should let an admin settle a dispute, applying the claimed shares when accepted', async () => {
    const dave: Caller = {
      role: Role.RIGHT_HOLDER,
      partyId: await party({ kind: PartyKind.RIGHT_HOLDER, name: 'Dave' }),
    };
    const recording = { scheme: IdentifierScheme.ISRC, value: 'JP-K00-21-00001' };
    const original = (
      await registerWork(
        {
          title: 'Recording',
          category: WorkCategory.MUSIC,
          identifiers: [recording],
          shares: [performance(bob.partyId)],
        },
        bob,
      )
    ).data!.registerWork;
    await registerWork(
      {
        title: 'Recording',
        category: WorkCategory.MUSIC,
        identifiers: [recording],
        shares: [performance(dave.partyId)],
      },
      dave,
    );
    const disputes = await sut.graphql<{ work: { openDisputes: { id: string }[] } }>(
      'query ($id: ID!) { work(id: $id) { openDisputes { id } } }',
      { id: original.id },
      operator,
    );
    const disputeId = disputes.data!.work.openDisputes[0]!.id;
    const RESOLVE = `mutation ($input: ResolveDisputeInput!) { resolveDispute(input: $input) { ${WORK_FIELDS} } }`;
    const input = {
      disputeId,
      acceptClaim: true,
      resolution: 'contract of 2026-01-10 assigns the rights to Dave',
    };

    const unrelated = await party({ kind: PartyKind.SOCIETY, name: 'Unrelated' });
    expect(
      codeOf(
        await sut.graphql(RESOLVE, { input }, { role: Role.SOCIETY_ADMIN, partyId: unrelated }),
      ),
    ).toBe('FORBIDDEN');
    expect(codeOf(await sut.graphql(RESOLVE, { input }, dave))).toBe('FORBIDDEN');

    const resolved = await sut.graphql<{ resolveDispute: WorkResult }>(
      RESOLVE,
      { input },
      operator,
    );
    expect(resolved.errors).toBeUndefined();
    expect(resolved.data!.resolveDispute).toMatchObject({
      id: original.id,
      disputed: false,
      openDisputes: [],
    });
    expect(resolved.data!.resolveDispute.shares.map((s) => s.holderId)).toEqual([dave.partyId]);
    expect(codeOf(await sut.graphql(RESOLVE, { input }, operator))).toBe('CONFLICT');
  });

  it('should register a batch all together, or nothing when one work fails', async () => {
    const REGISTER_WORKS =
      'mutation ($input: RegisterWorksInput!) { registerWorks(input: $input) { id title } }';
    const count = async () =>
      (
        await sut.graphql<{ searchWorks: unknown[] }>(
          '{ searchWorks(query: "batch piece", first: 100) { id } }',
        )
      ).data!.searchWorks.length;
    const work = (title: string, isbn?: string) => ({
      title,
      category: WorkCategory.BOOK,
      identifiers: isbn ? [{ scheme: IdentifierScheme.ISBN, value: isbn }] : [],
      shares: [performance(alice.partyId)],
    });

    const batch = await sut.graphql<{ registerWorks: { title: string }[] }>(
      REGISTER_WORKS,
      {
        input: {
          works: [
            work('Batch Piece One', '978-0-306-40615-7'),
            work('Batch Piece Two'),
            work('Batch Piece Three'),
          ],
        },
      },
      alice,
    );
    expect(batch.errors).toBeUndefined();
    expect(batch.data!.registerWorks.map((w) => w.title)).toEqual([
      'Batch Piece One',
      'Batch Piece Two',
      'Batch Piece Three',
    ]);
    const before = await count();

    const invalid = await sut.graphql(
      REGISTER_WORKS,
      {
        input: { works: [work('Batch Piece Four'), work('Batch Piece Five', '978-0-306-40615-0')] },
      },
      alice,
    );
    expect(codeOf(invalid)).toBe('BAD_USER_INPUT');
    expect(invalid.errors![0]!.message).toMatch(
      /^works\[1\]: identifiers\[0\] \(ISBN 978-0-306-40615-0\): ISBN check digit should be 7/,
    );

    const duplicate = await sut.graphql(
      REGISTER_WORKS,
      { input: { works: [work('Batch Piece Six'), work('Batch Piece Seven', '0-306-40615-2')] } },
      alice,
    );
    expect(codeOf(duplicate)).toBe('CONFLICT');
    expect(duplicate.errors![0]!.message).toMatch(
      /^works\[1\]: ISBN 9780306406157 is already registered to work .* \(Batch Piece One\)/,
    );
    expect(await count()).toBe(before);
  });

  it('should refuse a likely duplicate (same title, category and holders) naming the work, unless confirmed', async () => {
    const input = {
      title: 'Ｌｉｋｅｌｙ Twin Song',
      category: WorkCategory.MUSIC,
      shares: [performance(alice.partyId, 5000), performance(bob.partyId, 5000)],
    };
    const [first, racing] = await Promise.all([
      registerWork(input, alice),
      registerWork({ ...input, shares: [...input.shares].reverse() }, alice),
    ]);
    const [created, refused] = first.errors ? [racing, first] : [first, racing];
    expect(created.errors).toBeUndefined();
    const existing = created.data!.registerWork.id;
    expect(codeOf(refused)).toBe('CONFLICT');
    const again = await registerWork({ ...input, title: 'likely twin song' }, bob);
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.errors![0]!.message).toBe(
      `likely a duplicate of work ${existing} (Ｌｉｋｅｌｙ Twin Song): same title, category and holders; confirm duplicates to register it anyway`,
    );
    // Another category, other holders: other works.
    expect((await registerWork({ ...input, category: WorkCategory.FILM }, alice)).errors).toBe(
      undefined,
    );
    expect(
      (await registerWork({ ...input, shares: [performance(alice.partyId)] }, alice)).errors,
    ).toBeUndefined();
    const confirmed = await registerWork({ ...input, confirmDuplicates: true }, alice);
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data!.registerWork.id).not.toBe(existing);

    const REGISTER_WORKS =
      'mutation ($input: RegisterWorksInput!) { registerWorks(input: $input) { id } }';
    const twin = { ...input, title: 'Batch Twin' };
    const batch = await sut.graphql(
      REGISTER_WORKS,
      { input: { works: [input, twin, twin].map((work) => ({ ...work, category: 'BOOK' })) } },
      alice,
    );
    expect(codeOf(batch)).toBe('CONFLICT');
    expect(batch.errors![0]!.message).toMatch(
      /^works\[2\]: likely a duplicate of work [0-9a-f-]{36} \(Batch Twin\)/,
    );
    const confirmedBatch = await sut.graphql<{ registerWorks: { id: string }[] }>(
      REGISTER_WORKS,
      { input: { works: [input, input], confirmDuplicates: true } },
      alice,
    );
    expect(confirmedBatch.errors).toBeUndefined();
    expect(confirmedBatch.data!.registerWorks).toHaveLength(2);
  });

  it('should answer a retried registration with the first result, also when the retry races the original', async () => {
    const input = {
      idempotencyKey: 'import-2026-11-24-line-7',
      title: 'Retried Song',
      category: WorkCategory.MUSIC,
      shares: [performance(alice.partyId)],
    };
    const [first, racing] = await Promise.all([
      registerWork(input, alice),
      registerWork(input, alice),
    ]);
    const again = await registerWork(input, alice);
    expect(first.errors).toBeUndefined();
    expect(racing.data!.registerWork.id).toBe(first.data!.registerWork.id);
    expect(again.data!.registerWork.id).toBe(first.data!.registerWork.id);
    const found = await sut.graphql<{ searchWorks: { id: string }[] }>(
      '{ searchWorks(query: "Retried Song") { id } }',
    );
    expect(found.data!.searchWorks).toEqual([{ id: first.data!.registerWork.id }]);

    const reused = await registerWork({ ...input, title: 'Another Song' }, alice);
    expect(codeOf(reused)).toBe('CONFLICT');
    expect(reused.errors![0]!.message).toContain(
      'idempotency key import-2026-11-24-line-7 was already used',
    );
    const otherCaller = await registerWork({ ...input, shares: [performance(bob.partyId)] }, bob);
    expect(otherCaller.data!.registerWork.id).not.toBe(first.data!.registerWork.id); // keys are per caller
  });

  it('should reject invalid identifiers and shares, listing every problem', async () => {
    const result = await registerWork(
      {
        title: 'Broken',
        category: WorkCategory.BOOK,
        identifiers: [
          { scheme: IdentifierScheme.ISBN, value: '978-4-06-000000-0' },
          { scheme: IdentifierScheme.ISWC, value: 'T-034.524.680-9' },
        ],
        shares: [performance(alice.partyId, 7000), performance(bob.partyId, 4000)],
      },
      alice,
    );
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    const problems = result.errors![0]!.extensions!.problems as string[];
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/ISBN check digit should be/);
    expect(problems.join('\n')).toMatch(/ISWC check digit should be 1/);
    expect(problems.join('\n')).toMatch(/PERFORMANCE shares add up to 11000 basis points/);
  });

  it('should let only holders, their society admin or the operator change shares, keeping history', async () => {
    const work = (
      await registerWork(
        {
          title: 'Shared Song',
          category: WorkCategory.MUSIC,
          shares: [performance(alice.partyId)],
        },
        alice,
      )
    ).data!.registerWork;
    const change = (caller: Caller, effectiveFrom: string, shares: object[]) =>
      sut.graphql(UPDATE_SHARES, { input: { workId: work.id, effectiveFrom, shares } }, caller);

    expect(codeOf(await change(bob, '2030-01-01T00:00:00Z', [performance(bob.partyId)]))).toBe(
      'FORBIDDEN',
    );
    expect(
      codeOf(
        await change(
          { role: Role.PLATFORM, partyId: await party({ kind: PartyKind.PLATFORM, name: 'Tube' }) },
          '2030-01-01T00:00:00Z',
          [],
        ),
      ),
    ).toBe('FORBIDDEN');
    const admin = await change(
      { role: Role.SOCIETY_ADMIN, partyId: society },
      '2030-01-01T00:00:00Z',
      [performance(alice.partyId, 5000), performance(bob.partyId, 5000)],
    );
    expect(admin.errors).toBeUndefined();
    expect(codeOf(await change(alice, '2029-06-01T00:00:00Z', [performance(alice.partyId)]))).toBe(
      'CONFLICT',
    );

    const asOf = async (date: string) => {
      const result = await sut.graphql<{ work: WorkResult }>(
        `query ($id: ID!, $asOf: String) { work(id: $id) { shares(asOf: $asOf) { holderId shareBps } } }`,
        { id: work.id, asOf: date },
        bob,
      );
      return result.data!.work.shares.map((s) => [s.holderId, s.shareBps]).sort();
    };
    expect(await asOf('2029-12-31')).toEqual([[alice.partyId, 10_000]]);
    expect(await asOf('2030-01-01')).toEqual(
      [
        [alice.partyId, 5000],
        [bob.partyId, 5000],
      ].sort(),
    );
  });

  it("should not let one holder or its society take the other holders' shares without a dispute", async () => {
    const societyS = await party({ kind: PartyKind.SOCIETY, name: 'Society S' });
    const societyT = await party({ kind: PartyKind.SOCIETY, name: 'Society T' });
    const holder = async (name: string, memberOfSocietyId: string): Promise<Caller> => ({
      role: Role.RIGHT_HOLDER,
      partyId: await party({ kind: PartyKind.RIGHT_HOLDER, name, memberOfSocietyId }),
    });
    const h1 = await holder('Hana', societyS);
    const h2 = await holder('Haru', societyT);
    const adminS: Caller = { role: Role.SOCIETY_ADMIN, partyId: societyS };
    const adminT: Caller = { role: Role.SOCIETY_ADMIN, partyId: societyT };
    const work = (
      await registerWork(
        {
          title: 'Two Societies',
          category: WorkCategory.MUSIC,
          shares: [performance(h1.partyId, 9999), performance(h2.partyId, 1)],
        },
        operator,
      )
    ).data!.registerWork;
    const change = (caller: Caller, shares: object[], effectiveFrom?: string) =>
      sut.graphql(UPDATE_SHARES, { input: { workId: work.id, effectiveFrom, shares } }, caller);
    const sharesNow = async () =>
      (
        await sut.graphql<{ work: WorkResult }>(
          'query ($id: ID!) { work(id: $id) { shares { holderId shareBps } } }',
          { id: work.id },
          operator,
        )
      )
        .data!.work.shares.map((s) => [s.holderId, s.shareBps])
        .sort();

    for (const caller of [h1, adminS]) {
      const taken = await change(caller, [performance(h1.partyId)]);
      expect(codeOf(taken)).toBe('FORBIDDEN');
      expect(taken.errors![0]!.message).toContain(
        `lowers or removes the share of holder ${h2.partyId}`,
      );
      expect(taken.errors![0]!.message).toContain('open a dispute by registering the claim');
    }
    expect(await sharesNow()).toEqual(
      [
        [h1.partyId, 9999],
        [h2.partyId, 1],
      ].sort(),
    );

    // Back-dating is the operator's alone, even for a change the holder may make.
    const backdated = await change(
      h1,
      [performance(h1.partyId, 5000), performance(h2.partyId, 5000)],
      '2020-01-01T00:00:00Z',
    );
    expect(codeOf(backdated)).toBe('BAD_USER_INPUT');
    expect(backdated.errors![0]!.message).toBe(
      'effectiveFrom may not be in the past; only the operator back-dates shares',
    );

    // Giving up one's own share, or a member's, needs nobody else.
    const given = await change(h1, [performance(h1.partyId, 5000), performance(h2.partyId, 5000)]);
    expect(given.errors).toBeUndefined();
    const byT = await change(adminT, [
      performance(h1.partyId, 9000),
      performance(h2.partyId, 1000),
    ]);
    expect(byT.errors).toBeUndefined();
    expect(await sharesNow()).toEqual(
      [
        [h1.partyId, 9000],
        [h2.partyId, 1000],
      ].sort(),
    );
    const byOperator = await change(operator, [performance(h1.partyId)]);
    expect(byOperator.errors).toBeUndefined();
    expect(await sharesNow()).toEqual([[h1.partyId, 10_000]]);
  });

  it('should not let platforms register works, nor holders register works for others', async () => {
    const platform: Caller = {
      role: Role.PLATFORM,
      partyId: await party({ kind: PartyKind.PLATFORM, name: 'Tube' }),
    };
    const input = {
      title: 'Not theirs',
      category: WorkCategory.UGC,
      shares: [performance(alice.partyId)],
    };
    expect(codeOf(await registerWork(input, platform))).toBe('FORBIDDEN');
    expect(codeOf(await registerWork(input, bob))).toBe('FORBIDDEN');
  });

  it('should find works by kana, width and case variants of their titles, and by identifier, anonymously', async () => {
    for (const title of ['となりのトトロ', 'Spirited Away', 'ドラゴンボール']) {
      await registerWork(
        { title, category: WorkCategory.FILM, shares: [performance(alice.partyId)] },
        alice,
      );
    }
    const search = async (query: string) => {
      const result = await sut.graphql<{ searchWorks: { title: string }[] }>(
        'query ($q: String!) { searchWorks(query: $q, first: 5) { title } }',
        { q: query },
      );
      expect(result.errors).toBeUndefined();
      return result.data!.searchWorks.map((work) => work.title);
    };
    expect((await search('トナリノトトロ'))[0]).toBe('となりのトトロ');
    expect((await search('ﾄﾞﾗｺﾞﾝﾎﾞｰﾙ'))[0]).toBe('ドラゴンボール');
    expect((await search('SPIRITED away'))[0]).toBe('Spirited Away');
    expect((await search('yoru ni kakeru'))[0]).toBe('夜に駆ける');
    expect(await search('T-034.524.680-1')).toEqual(['夜に駆ける']);
    expect(await search('zzzz qqqq')).toEqual([]);
  });

  it('should answer NOT_FOUND for a work id that names nothing', async () => {
    const result = await sut.graphql(
      'query ($id: ID!) { work(id: $id) { id } }',
      { id: randomUUID() },
      bob,
    );
    expect(codeOf(result)).toBe('NOT_FOUND');
    expect(result.errors![0]!.message).toMatch(/^work [0-9a-f-]{36} not found$/);
  });

  it('should page through works with a holder filter', async () => {
    const first = await sut.graphql<{
      works: {
        edges: { cursor: string; node: { id: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    }>(
      'query ($holder: ID) { works(filter: { holderId: $holder }, first: 2) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }',
      { holder: alice.partyId },
      bob,
    );
    expect(first.data!.works.edges).toHaveLength(2);
    expect(first.data!.works.pageInfo.hasNextPage).toBe(true);
    const next = await sut.graphql<{ works: { edges: { node: { id: string } }[] } }>(
      'query ($holder: ID, $after: String) { works(filter: { holderId: $holder }, first: 50, after: $after) { edges { node { id } } } }',
      { holder: alice.partyId, after: first.data!.works.pageInfo.endCursor },
      bob,
    );
    const ids = [...first.data!.works.edges, ...next.data!.works.edges].map((edge) => edge.node.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(5);
  });
});
