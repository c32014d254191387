import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Caller } from '#libs/auth';
import { IdentifierScheme, PartyKind, RightType, Role, WorkCategory } from '#libs/contracts';
import { startTestService, type GraphQLResult, type TestService } from '#libs/testing';
import { rightsRegistryApp } from '../rights-registry.app.js';
import { TEST_OPERATOR, registeredParty } from '../../../../test/support/registry-parties.js';

const REGISTER_WORK = `mutation ($input: RegisterWorkInput!) { registerWork(input: $input) { id openDisputes { id } } }`;
const UPDATE_SHARES = `mutation ($input: UpdateWorkSharesInput!) { updateWorkShares(input: $input) { id } }`;
const WITHDRAW = `mutation ($id: ID!) { withdrawDispute(disputeId: $id) { id } }`;
const DISPUTES = `query ($filter: DisputesFilterInput, $first: Int, $after: String) {
  disputes(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id status claimantId work { id title } claimant { name } viewerCanAnswer viewerCanWithdraw } }
  }
}`;
const WORKS = `query ($filter: WorksFilterInput, $first: Int, $after: String) {
  works(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id } }
  }
}`;

interface DisputeNode {
  id: string;
  status: string;
  claimantId: string;
  work: { id: string; title: string };
  claimant: { name: string } | null;
  viewerCanAnswer: boolean;
  viewerCanWithdraw: boolean;
}
interface Connection<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: T }[];
}

const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;

/**
 * Society A has Mika, society B has Vera; Lia and Tom belong to none.
 * d1: Vera's work 1, claimed for Mika by A's admin. d2: Vera's work 2, claimed by Lia.
 * d3: Lia's work 3, claimed by Mika, then withdrawn. d4: work 4, Vera's until she gave it to
 * Tom, claimed by Lia. Opened in that order.
 */
describe('disputes and works as lists', () => {
  let sut: TestService;
  const operator = TEST_OPERATOR;
  let adminA: Caller;
  let adminB: Caller;
  let adminC: Caller;
  let platform: Caller;
  let mika: Caller;
  let vera: Caller;
  let lia: Caller;
  let tom: Caller;
  const work: string[] = [];
  const d: string[] = [];

  const party = (input: Record<string, unknown>) => registeredParty(sut, input);
  const holder = async (name: string, societyId?: string): Promise<Caller> => ({
    role: Role.RIGHT_HOLDER,
    partyId: await party({
      kind: PartyKind.RIGHT_HOLDER,
      name,
      ...(societyId ? { memberOfSocietyId: societyId } : {}),
    }),
  });

  const registerWork = async (n: number, holderId: string, caller: Caller) => {
    const result = await sut.graphql<{
      registerWork: { id: string; openDisputes: { id: string }[] };
    }>(
      REGISTER_WORK,
      {
        input: {
          title: `Listed recording ${n}`,
          category: WorkCategory.MUSIC,
          identifiers: [{ scheme: IdentifierScheme.ISRC, value: `JP-L00-26-0000${n}` }],
          shares: [{ holderId, rightType: RightType.PERFORMANCE, shareBps: 10_000 }],
        },
      },
      caller,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.registerWork;
  };

  /** A claim on work `n` for `claimFor`, registered by `claimant`: the dispute opened. */
  const claim = async (n: number, claimFor: string, claimant: Caller) => {
    const claimed = await registerWork(n, claimFor, claimant);
    expect(claimed.id).toBe(work[n]);
    return claimed.openDisputes.at(-1)!.id;
  };

  const disputes = async (caller: Caller, variables: Record<string, unknown> = {}) => {
    const result = await sut.graphql<{ disputes: Connection<DisputeNode> }>(
      DISPUTES,
      variables,
      caller,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.disputes;
  };
  const idsOf = (connection: Connection<DisputeNode>) => connection.edges.map((e) => e.node.id);
  const nodeOf = async (caller: Caller, id: string) =>
    (await disputes(caller)).edges.find((edge) => edge.node.id === id)?.node;

  beforeAll(async () => {
    sut = await startTestService(rightsRegistryApp, { DISPUTES_PER_DAY: '100' });
    const societyA = await party({ kind: PartyKind.SOCIETY, name: 'Society A' });
    const societyB = await party({ kind: PartyKind.SOCIETY, name: 'Society B' });
    const societyC = await party({ kind: PartyKind.SOCIETY, name: 'Society C' });
    adminA = { role: Role.SOCIETY_ADMIN, partyId: societyA };
    adminB = { role: Role.SOCIETY_ADMIN, partyId: societyB };
    adminC = { role: Role.SOCIETY_ADMIN, partyId: societyC };
    platform = {
      role: Role.PLATFORM,
      partyId: await party({ kind: PartyKind.PLATFORM, name: 'P' }),
    };
    mika = await holder('Mika', societyA);
    vera = await holder('Vera', societyB);
    lia = await holder('Lia');
    tom = await holder('Tom');

    work[1] = (await registerWork(1, vera.partyId, vera)).id;
    work[2] = (await registerWork(2, vera.partyId, vera)).id;
    work[3] = (await registerWork(3, lia.partyId, lia)).id;
    work[4] = (await registerWork(4, vera.partyId, vera)).id;
    const given = await sut.graphql(
      UPDATE_SHARES,
      {
        input: {
          workId: work[4],
          shares: [{ holderId: tom.partyId, rightType: RightType.PERFORMANCE, shareBps: 10_000 }],
        },
      },
      vera,
    );
    expect(given.errors).toBeUndefined();
    d[1] = await claim(1, mika.partyId, adminA);
    d[2] = await claim(2, lia.partyId, lia);
    d[3] = await claim(3, mika.partyId, mika);
    d[4] = await claim(4, lia.partyId, lia);
    expect((await sut.graphql(WITHDRAW, { id: d[3] }, mika)).errors).toBeUndefined();
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should list to each caller the disputes on the works it holds now and its own claims, newest first', async () => {
    const seen = async (caller: Caller) => {
      const list = await disputes(caller);
      expect(list.totalCount).toBe(list.edges.length);
      return idsOf(list);
    };
    expect(await seen(vera)).toEqual([d[2], d[1]]); // not d4: she gave work 4 away
    expect(await seen(mika)).toEqual([d[3], d[1]]);
    expect(await seen(lia)).toEqual([d[4], d[3], d[2]]);
    expect(await seen(tom)).toEqual([d[4]]);
    expect(await seen(adminA)).toEqual([d[3], d[1]]);
    expect(await seen(adminB)).toEqual([d[2], d[1]]);
    expect(await seen(adminC)).toEqual([]);
    expect(await seen(platform)).toEqual([]);
    expect(await seen(operator)).toEqual([d[4], d[3], d[2], d[1]]);
    expect(codeOf(await sut.graphql(DISPUTES, {}))).toBe('UNAUTHENTICATED');
  });

  it('should narrow by work, status and party, never beyond what the caller sees', async () => {
    expect(idsOf(await disputes(mika, { filter: { status: 'WITHDRAWN' } }))).toEqual([d[3]]);
    expect(idsOf(await disputes(mika, { filter: { status: 'OPEN' } }))).toEqual([d[1]]);
    expect(idsOf(await disputes(lia, { filter: { workId: work[3] } }))).toEqual([d[3]]);
    expect(idsOf(await disputes(vera, { filter: { workId: work[3] } }))).toEqual([]);
    expect(idsOf(await disputes(operator, { filter: { holderId: vera.partyId } }))).toEqual([
      d[2],
      d[1],
    ]);
    // Lia asking for Vera's disputes gets only those that involve Lia too.
    const narrowed = await disputes(lia, { filter: { holderId: vera.partyId } });
    expect(idsOf(narrowed)).toEqual([d[2]]);
    expect(narrowed.totalCount).toBe(1);
    const bad = await sut.graphql(DISPUTES, { filter: { status: 'SETTLED' } }, operator);
    expect(bad.errors).toBeDefined();
  });

  it('should page through the disputes with stable cursors and the same totalCount on every page', async () => {
    const ids: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page++) {
      const list = await disputes(operator, { first: 1, ...(after ? { after } : {}) });
      expect(list.totalCount).toBe(4);
      ids.push(...idsOf(list));
      if (!list.pageInfo.hasNextPage) break;
      after = list.pageInfo.endCursor!;
    }
    expect(ids).toEqual([d[4], d[3], d[2], d[1]]);
    expect(codeOf(await sut.graphql(DISPUTES, { first: 0 }, operator))).toBe('BAD_USER_INPUT');
    expect(codeOf(await sut.graphql(DISPUTES, { after: 'not a cursor' }, operator))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('should name the work and the claimant and tell each caller whether it may answer or withdraw', async () => {
    const d1 = await nodeOf(vera, d[1]!);
    expect(d1).toMatchObject({
      status: 'OPEN',
      claimantId: mika.partyId,
      work: { id: work[1], title: 'Listed recording 1' },
      claimant: { name: 'Mika' },
      viewerCanAnswer: true,
      viewerCanWithdraw: false,
    });
    const actions = async (caller: Caller, id: string) => {
      const node = await nodeOf(caller, id);
      return node && [node.viewerCanAnswer, node.viewerCanWithdraw];
    };
    expect(await actions(mika, d[1]!)).toEqual([false, true]);
    expect(await actions(adminA, d[1]!)).toEqual([false, true]);
    expect(await actions(adminB, d[1]!)).toEqual([true, false]);
    expect(await actions(operator, d[1]!)).toEqual([false, true]);
    // Withdrawn: nobody acts on it any more.
    expect(await actions(mika, d[3]!)).toEqual([false, false]);
    expect(await actions(lia, d[3]!)).toEqual([false, false]);
    // The new holder answers; the one who gave the work away does not see it.
    expect(await actions(tom, d[4]!)).toEqual([true, false]);
    expect(await actions(vera, d[4]!)).toBeUndefined();
  });

  it("should count a holder's works, and keep to those it holds now with currentOnly", async () => {
    const list = async (filter: Record<string, unknown>, first = 20, after?: string) => {
      const result = await sut.graphql<{ works: Connection<{ id: string }> }>(
        WORKS,
        { filter, first, ...(after ? { after } : {}) },
        vera,
      );
      expect(result.errors).toBeUndefined();
      return result.data!.works;
    };
    const ever = await list({ holderId: vera.partyId });
    expect(ever.edges.map((e) => e.node.id).sort()).toEqual([work[1], work[2], work[4]].sort());
    expect(ever.totalCount).toBe(3);
    const now = await list({ holderId: vera.partyId, currentOnly: true });
    expect(now.edges.map((e) => e.node.id).sort()).toEqual([work[1], work[2]].sort());
    expect(now.totalCount).toBe(2);
    const firstPage = await list({ holderId: vera.partyId, currentOnly: true }, 1);
    expect(firstPage).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    const secondPage = await list(
      { holderId: vera.partyId, currentOnly: true },
      1,
      firstPage.pageInfo.endCursor!,
    );
    expect(secondPage).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false } });
    expect([...firstPage.edges, ...secondPage.edges].map((e) => e.node.id).sort()).toEqual(
      [work[1], work[2]].sort(),
    );
    expect((await list({ holderId: tom.partyId, currentOnly: true })).totalCount).toBe(1);
  });
});
