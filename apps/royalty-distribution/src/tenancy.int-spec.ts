import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/auth';
import { PartyKind, RightType, Role } from '#libs/contracts';
import { startTestService, type GraphQLResult, type TestService } from '#libs/testing';
import { UpstreamEvents } from '../../../test/support/upstream-events.js';
import { royaltyDistributionApp } from './royalty-distribution.app.js';

const HEADER = 'licenseId,workId,identifier,title,useType,territory,quantity,usageDate';

interface ReserveNode {
  id: string;
  batchId: string;
  reason: string;
}

/**
 * Two societies side by side, each with a member, a platform and an approved batch; one
 * non-member holds shares in a work of each. Every read and change of one society's, holder's
 * or platform's things by another party answers NOT_FOUND, as for an id that does not exist.
 */
describe('distribution tenancy', () => {
  let sut: TestService;
  let upstream: UpstreamEvents;
  const parties: Record<string, Caller | null> = {};
  let societyB: string;
  let memberA: string;
  let memberB: string;
  let nonMember: string;
  let batchA: string;
  let batchB: string;
  let reportA: string;

  const as = (name: string) => parties[name]!;
  const gql = <T>(query: string, variables: Record<string, unknown>, caller: Caller | null) =>
    sut.graphql<T>(query, variables, caller);
  const codeOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.code ?? 'OK';
  const get = async (url: string, caller: Caller) =>
    sut.app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${await sut.tokenFor(caller)}` },
    });
  const reservesOf = async (caller: Caller | null) => {
    const result = await gql<{ reserves: { edges: { node: ReserveNode }[] } }>(
      '{ reserves(first: 100) { edges { node { id batchId reason } } } }',
      {},
      caller,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.reserves.edges.map(({ node }) => node);
  };
  const reserveOf = async (batchId: string, reason: string) =>
    (await reservesOf(as('operator'))).find((r) => r.batchId === batchId && r.reason === reason)!;
  const claim = (reserveId: string, holderId: string, caller: Caller) =>
    gql<{ claimReserve: { id: string; evidence: string; status: string } }>(
      `mutation ($input: ClaimReserveInput!) { claimReserve(input: $input) { id evidence status } }`,
      { input: { reserveId, holderId, evidence: `private evidence of ${holderId}` } },
      caller,
    );
  const settle = (claimId: string, caller: Caller) =>
    gql<{ settleClaim: { status: string } }>(
      `mutation ($input: SettleClaimInput!) { settleClaim(input: $input) { status } }`,
      { input: { claimId, approve: false } },
      caller,
    );

  /**
   * A society with a scheme, a member and a platform that reported usage of one work: the member
   * 50 %, the non-member 40 % (less what `otherHolder` has), 10 % unclaimed (public reserve).
   */
  async function society(name: string, otherHolder?: string) {
    const societyId = await upstream.party(PartyKind.SOCIETY);
    const member = await upstream.holder({ societyId });
    const platformId = await upstream.party(PartyKind.PLATFORM);
    parties[`admin ${name}`] = { role: Role.SOCIETY_ADMIN, partyId: societyId };
    parties[`member ${name}`] = { role: Role.RIGHT_HOLDER, partyId: member };
    parties[`platform ${name}`] = { role: Role.PLATFORM, partyId: platformId };
    const share = (holderId: string, shareBps: number) => ({
      holderId,
      rightType: RightType.PERFORMANCE,
      shareBps,
    });
    const work = await upstream.work([], {
      shares: otherHolder
        ? [share(member, 5000), share(nonMember, 3000), share(otherHolder, 1000)]
        : [share(member, 5000), share(nonMember, 4000)],
    });
    const scheme = await upstream.scheme({ societyId });
    const license = await upstream.license({
      platformId,
      schemeId: scheme,
      societyId,
      workId: work,
    });
    return { societyId, member, platformId, license };
  }

  async function report(platform: Caller, license: string): Promise<string> {
    const response = await sut.app.inject({
      method: 'POST',
      url: '/v1/usage-reports?periodStart=2026-11-01&periodEnd=2026-12-01',
      headers: {
        authorization: `Bearer ${await sut.tokenFor(platform)}`,
        'content-type': 'text/csv',
        'idempotency-key': randomUUID(),
      },
      payload: [HEADER, `${license},,,,STREAM,JP,100,2026-11-03`].join('\n'),
    });
    expect(response.json()).toMatchObject({ linesAccepted: 1 });
    return response.json<{ id: string }>().id;
  }

  async function approvedBatch(admin: Caller): Promise<string> {
    const created = await gql<{ createDistributionBatch: { id: string } }>(
      `mutation { createDistributionBatch(input: { periodStart: "2026-11-01", periodEnd: "2026-12-01",
         category: MUSIC, poolAmountMinor: "10000", currency: "JPY", adminFeeBps: 0 }) { id } }`,
      {},
      admin,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createDistributionBatch.id;
    await gql(`mutation ($id: ID!) { calculateDistributionBatch(id: $id) { id } }`, { id }, admin);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const state = await gql<{ distributionBatch: { status: string } }>(
        `query ($id: ID!) { distributionBatch(id: $id) { status } }`,
        { id },
        admin,
      );
      if (state.data?.distributionBatch.status === 'CALCULATED') break;
      if (Date.now() > deadline) throw new Error('calculation did not finish');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const approved = await gql(
      `mutation ($id: ID!) { approveDistributionBatch(id: $id) { id } }`,
      { id },
      admin,
    );
    expect(approved.errors).toBeUndefined();
    return id;
  }

  beforeAll(async () => {
    sut = await startTestService(royaltyDistributionApp);
    upstream = new UpstreamEvents(sut.app);
    nonMember = await upstream.holder();
    const a = await society('A');
    // A member of A holds a share in B's work too: B's batch holds its money (NON_MEMBER).
    const b = await society('B', a.member);
    [societyB, memberA, memberB] = [b.societyId, a.member, b.member];
    parties.anonymous = null;
    parties.operator = { role: Role.OPERATOR, partyId: randomUUID() };
    parties['non-member'] = { role: Role.RIGHT_HOLDER, partyId: nonMember };
    await upstream.settled();
    reportA = await report(as('platform A'), a.license);
    await report(as('platform B'), b.license);
    batchA = await approvedBatch(as('admin A'));
    batchB = await approvedBatch(as('admin B'));
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should show held money only to its holder, the batch’s society admin and the operator', async () => {
    const held = async (name: string) =>
      (await reservesOf(parties[name]!))
        .filter((r) => r.reason === 'NON_MEMBER')
        .map((r) => (r.batchId === batchA ? 'A' : 'B'))
        .sort();
    expect({
      anonymous: await held('anonymous'),
      operator: await held('operator'),
      'admin A': await held('admin A'),
      'admin B': await held('admin B'),
      'member A': await held('member A'),
      'non-member': await held('non-member'),
      'platform A': await held('platform A'),
    }).toEqual({
      anonymous: [],
      operator: ['A', 'B', 'B'],
      'admin A': ['A', 'B'],
      'admin B': ['B', 'B'],
      'member A': ['B'],
      'non-member': ['A', 'B'],
      'platform A': [],
    });
    const unclaimed = (await reservesOf(null)).filter((r) => r.reason === 'UNCLAIMED');
    expect(unclaimed.map((r) => r.batchId).sort()).toEqual([batchA, batchB].sort());
  });

  it('should let only who acts for the holder claim, and never show another’s claim', async () => {
    const held = await reserveOf(batchA, 'NON_MEMBER');
    const own = await claim(held.id, nonMember, as('non-member'));
    expect(own.data?.claimReserve.status).toBe('PENDING');
    const outcomes = {
      'admin A': codeOf(await claim(held.id, nonMember, as('admin A'))),
      'admin B': codeOf(await claim(held.id, nonMember, as('admin B'))),
      'member A': codeOf(await claim(held.id, nonMember, as('member A'))),
      'member A for itself': codeOf(await claim(held.id, memberA, as('member A'))),
      operator: codeOf(await claim(held.id, nonMember, as('operator'))),
      'operator for an unknown holder': codeOf(
        await claim((await reserveOf(batchA, 'UNCLAIMED')).id, randomUUID(), as('operator')),
      ),
    };
    expect(outcomes).toEqual({
      'admin A': 'NOT_FOUND',
      'admin B': 'NOT_FOUND',
      'member A': 'NOT_FOUND',
      'member A for itself': 'NOT_FOUND',
      operator: 'OK',
      'operator for an unknown holder': 'NOT_FOUND',
    });

    // Money B's batch holds for a member of A: claimed by A's admin, not by B's.
    const heldForMemberA = (await reservesOf(as('member A'))).find(
      (r) => r.reason === 'NON_MEMBER',
    )!;
    expect(heldForMemberA.batchId).toBe(batchB);
    expect(codeOf(await claim(heldForMemberA.id, memberA, as('admin B')))).toBe('NOT_FOUND');
    expect(codeOf(await claim(heldForMemberA.id, memberA, as('admin A')))).toBe('OK');

    // The public reserve of B, claimed for a member of A by its own society's admin.
    const unclaimedB = await reserveOf(batchB, 'UNCLAIMED');
    expect(codeOf(await claim(unclaimedB.id, memberA, as('admin B')))).toBe('NOT_FOUND');
    const byAdminA = await claim(unclaimedB.id, memberA, as('admin A'));
    expect(byAdminA.data?.claimReserve.status).toBe('PENDING');
    const claimId = byAdminA.data!.claimReserve.id;
    // Settled by the admin of the batch's society; seen, not settled, by the holder's.
    expect(codeOf(await settle(claimId, as('admin A')))).toBe('FORBIDDEN');
    expect(codeOf(await settle(own.data!.claimReserve.id, as('admin B')))).toBe('NOT_FOUND');
    expect(codeOf(await settle(randomUUID(), as('admin B')))).toBe('NOT_FOUND');
    expect(codeOf(await settle(claimId, as('admin B')))).toBe('OK');
  });

  it('should refuse a batch for another society and create none', async () => {
    const count = () =>
      sut.app
        .get(DataSource)
        .query<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM royalty_distribution.distribution_batches',
        );
    const before = await count();
    const result = await gql(
      `mutation ($society: ID!) { createDistributionBatch(input: { societyId: $society,
         periodStart: "2027-01-01", periodEnd: "2027-02-01", category: MUSIC,
         poolAmountMinor: "100", currency: "JPY", adminFeeBps: 0 }) { id } }`,
      { society: societyB },
      as('admin A'),
    );
    expect(codeOf(result)).toBe('FORBIDDEN');
    expect(await count()).toEqual(before);
  });

  it('should answer NOT_FOUND alike for a batch, statement or report one may not see', async () => {
    const batch = (id: string, caller: Caller) =>
      gql(`query ($id: ID!) { distributionBatch(id: $id) { id } }`, { id }, caller);
    const statement = (batchId: string, holderId: string, caller: Caller) =>
      gql(
        `query ($b: ID!, $h: ID!) { statement(batchId: $b, holderId: $h) { totalPayable { amountMinor } } }`,
        { b: batchId, h: holderId },
        caller,
      );
    const usageReport = (id: string, caller: Caller) =>
      gql(`query ($id: ID!) { usageReport(id: $id) { id } }`, { id }, caller);
    const unknown = randomUUID();
    expect({
      'batch of B, admin A': codeOf(await batch(batchB, as('admin A'))),
      'no batch': codeOf(await batch(unknown, as('admin A'))),
      'not an id': codeOf(await batch('not-a-uuid', as('admin A'))),
      'recalculate batch of B, admin A': codeOf(
        await gql(
          `mutation ($id: ID!) { closeDistributionBatch(id: $id) { id } }`,
          { id: batchB },
          as('admin A'),
        ),
      ),
      'statement of member A, own': codeOf(await statement(batchA, memberA, as('member A'))),
      'statement of member A, admin A': codeOf(await statement(batchA, memberA, as('admin A'))),
      'statement of member A in B, admin A': codeOf(
        await statement(batchB, memberA, as('admin A')),
      ),
      'statement of member A, admin B': codeOf(await statement(batchA, memberA, as('admin B'))),
      'statement of member A, non-member': codeOf(
        await statement(batchA, memberA, as('non-member')),
      ),
      'statement of member B in A (no lines), admin A': codeOf(
        await statement(batchA, memberB, as('admin A')),
      ),
      'statement of an unknown holder, admin A': codeOf(
        await statement(batchA, unknown, as('admin A')),
      ),
      'statement in no batch, operator': codeOf(await statement(unknown, memberA, as('operator'))),
      'statement, not an id': codeOf(await statement(batchA, 'x', as('operator'))),
      'report of A, platform A': codeOf(await usageReport(reportA, as('platform A'))),
      'report of A, platform B': codeOf(await usageReport(reportA, as('platform B'))),
      'no report, platform B': codeOf(await usageReport(unknown, as('platform B'))),
      'report, not an id': codeOf(await usageReport('x', as('operator'))),
    }).toEqual({
      'batch of B, admin A': 'NOT_FOUND',
      'no batch': 'NOT_FOUND',
      'not an id': 'BAD_USER_INPUT',
      'recalculate batch of B, admin A': 'NOT_FOUND',
      'statement of member A, own': 'OK',
      'statement of member A, admin A': 'OK',
      'statement of member A in B, admin A': 'OK',
      'statement of member A, admin B': 'NOT_FOUND',
      'statement of member A, non-member': 'NOT_FOUND',
      'statement of member B in A (no lines), admin A': 'OK',
      'statement of an unknown holder, admin A': 'NOT_FOUND',
      'statement in no batch, operator': 'NOT_FOUND',
      'statement, not an id': 'BAD_USER_INPUT',
      'report of A, platform A': 'OK',
      'report of A, platform B': 'NOT_FOUND',
      'no report, platform B': 'NOT_FOUND',
      'report, not an id': 'BAD_USER_INPUT',
    });
  });

  it('should export a statement CSV only for a valid holder the caller may see', async () => {
    const statementCsv = (batchId: string, holder: string, caller: Caller) =>
      get(`/v1/distribution-batches/${batchId}/statements/${holder}.csv`, caller);
    const own = await statementCsv(batchA, memberA, as('member A'));
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-disposition']).toBe(
      `attachment; filename="statement-${batchA}-${memberA}.csv"`,
    );
    const status = async (batchId: string, holder: string, caller: Caller) =>
      (await statementCsv(batchId, holder, caller)).statusCode;
    expect({
      injected: await status(batchA, encodeURIComponent('x"; filename=evil'), as('operator')),
      'non-ASCII': await status(batchA, encodeURIComponent('山田'), as('operator')),
      'any string': await status(batchA, 'anything', as('operator')),
      'unknown holder': await status(batchA, randomUUID(), as('admin A')),
      'another holder': await status(batchA, memberA, as('non-member')),
      'another society': await status(batchA, memberA, as('admin B')),
      'known holder without lines': await status(batchA, memberB, as('admin A')),
      'batch not an id': await status('x', memberA, as('operator')),
      'allocations of B, admin A': (
        await get(`/v1/distribution-batches/${batchB}/allocations.csv`, as('admin A'))
      ).statusCode,
      'allocations, not an id': (
        await get(
          `/v1/distribution-batches/${encodeURIComponent('山')}/allocations.csv`,
          as('operator'),
        )
      ).statusCode,
    }).toEqual({
      injected: 404,
      'non-ASCII': 404,
      'any string': 404,
      'unknown holder': 404,
      'another holder': 404,
      'another society': 404,
      'known holder without lines': 200,
      'batch not an id': 404,
      'allocations of B, admin A': 404,
      'allocations, not an id': 404,
    });
  });
  it('should list statements and claims only to who may read them', async () => {
    const names = (): Record<string, string> => ({
      [batchA]: 'A',
      [batchB]: 'B',
      [memberA]: 'member A',
      [memberB]: 'member B',
      [nonMember]: 'non-member',
    });
    const statementsOf = async (name: string) => {
      const result = await gql<{
        statements: {
          totalCount: number;
          edges: { node: { batchId: string; holder: { id: string } } }[];
        };
      }>(
        '{ statements(first: 100) { totalCount edges { node { batchId holder { id } } } } }',
        {},
        parties[name]!,
      );
      if (result.errors) return codeOf(result);
      const labels = result.data!.statements.edges.map(
        ({ node }) => `${names()[node.batchId]} ${names()[node.holder.id]}`,
      );
      expect(result.data!.statements.totalCount).toBe(labels.length);
      return labels.sort();
    };
    const claimsOf = async (name: string) => {
      const result = await gql<{
        claims: {
          totalCount: number;
          edges: { node: { holder: { id: string }; reserve: { batchId: string } } }[];
        };
      }>(
        '{ claims(first: 100) { totalCount edges { node { holder { id } reserve { batchId } } } } }',
        {},
        parties[name]!,
      );
      if (result.errors) return codeOf(result);
      const labels = result.data!.claims.edges.map(
        ({ node }) => `${names()[node.reserve.batchId]} ${names()[node.holder.id]}`,
      );
      expect(result.data!.claims.totalCount).toBe(labels.length);
      return labels.sort();
    };
    const callers = [
      'anonymous',
      'operator',
      'admin A',
      'admin B',
      'member A',
      'member B',
      'non-member',
      'platform A',
    ];
    const statements: Record<string, unknown> = {};
    const claims: Record<string, unknown> = {};
    for (const name of callers) {
      statements[name] = await statementsOf(name);
      claims[name] = await claimsOf(name);
    }
    expect(statements).toEqual({
      anonymous: 'UNAUTHENTICATED',
      operator: ['A member A', 'A non-member', 'B member A', 'B member B', 'B non-member'],
      // Its batch's statements, and its member's statement in B's batch.
      'admin A': ['A member A', 'A non-member', 'B member A'],
      'admin B': ['B member A', 'B member B', 'B non-member'],
      'member A': ['A member A', 'B member A'],
      'member B': ['B member B'],
      'non-member': ['A non-member', 'B non-member'],
      'platform A': 'FORBIDDEN',
    });
    expect(claims).toEqual({
      anonymous: 'UNAUTHENTICATED',
      operator: ['A non-member', 'B member A', 'B member A'],
      'admin A': ['A non-member', 'B member A', 'B member A'],
      'admin B': ['B member A', 'B member A'],
      'member A': ['B member A', 'B member A'],
      'member B': [],
      'non-member': ['A non-member'],
      'platform A': 'FORBIDDEN',
    });
  });
});
