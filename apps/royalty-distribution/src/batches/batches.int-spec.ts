import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Caller } from '#libs/auth';
import { PartyKind, RightType, Role, UseType } from '#libs/contracts';
import { DataSource } from 'typeorm';
import { Outbox } from '#libs/messaging';
import { startTestService, type TestService } from '#libs/testing';
import { publishedEvents } from '../../../../test/support/published-events.js';
import { UpstreamEvents } from '../../../../test/support/upstream-events.js';
import { royaltyDistributionApp } from '../royalty-distribution.app.js';
import { addStatementEvents } from './application/statement-events.js';
import { BatchEntity } from './infrastructure/batch.entities.js';

const HEADER = 'licenseId,workId,identifier,title,useType,territory,quantity,usageDate';
const BATCH_FIELDS = `id status pool { amountMinor currency } adminFee { amountMinor }
  allocatedTotal { amountMinor } payableTotal { amountMinor } heldTotal { amountMinor }
  reservedTotal { amountMinor } exceptions checksum calculation { state phase error }`;

interface BatchView {
  id: string;
  status: string;
  pool: { amountMinor: string; currency: string };
  adminFee: { amountMinor: string };
  allocatedTotal: { amountMinor: string };
  payableTotal: { amountMinor: string };
  heldTotal: { amountMinor: string };
  reservedTotal: { amountMinor: string };
  exceptions: number;
  checksum: string;
  calculation: { state: string; phase: string | null; error: string | null };
}

/**
 * The golden scenario, computed by hand (pool 100,000 JPY, fee 15 %: D = 85,000; weights
 * STREAM 2, SNS_POST 1; scheme right PERFORMANCE):
 *
 *   work A (member M 60 %, non-member N 30 %, 10 % unclaimed): STREAM 100 -> w 200,
 *     SNS_POST 50 -> w 50
 *   work B (M 100 %, disputed): STREAM 30 -> w 60
 *   work C (N 100 %): STREAM 40, opted out (backdated) on its usage date -> exception
 *   unidentified "title:mystery": STREAM 10 -> w 20
 *
 *   cells: A/M 1,500,000  A/N 750,000  A/UNCLAIMED 250,000  B/M 600,000
 *          mystery/UNIDENTIFIED 200,000  (total 3,300,000)
 *   floors (remainders): 38,636 (1.2M)  19,318 (0.6M)  6,439 (1.3M)  15,454 (1.8M)  5,151 (1.7M)
 *   sum 84,998: the 2 units left go to B/M and mystery.
 *   A/M 38,636 payable, A/N 19,318 held, A/UNCLAIMED 6,439, B/M 15,455 (disputed) and
 *   mystery 5,152 reserved: 38,636 + 19,318 + 27,046 + fee 15,000 = 100,000.
 */
describe('distribution batches', () => {
  let sut: TestService;
  let upstream: UpstreamEvents;
  let society: string;
  let member: string;
  let nonMember: string;
  let workA: string;
  let workB: string;
  let batch: BatchView;
  const platform: Caller = { role: Role.PLATFORM, partyId: randomUUID() };
  let admin: Caller;

  const gql = <T>(query: string, variables: Record<string, unknown>, caller: Caller | null) =>
    sut.graphql<T>(query, variables, caller);
  const batchQuery = async (id: string) =>
    (
      await gql<{ distributionBatch: BatchView }>(
        `query ($id: ID!) { distributionBatch(id: $id) { ${BATCH_FIELDS} } }`,
        { id },
        admin,
      )
    ).data!.distributionBatch;
  const calculated = async (id: string) => {
    const started = await gql<{ calculateDistributionBatch: BatchView }>(
      `mutation ($id: ID!) { calculateDistributionBatch(id: $id) { ${BATCH_FIELDS} } }`,
      { id },
      admin,
    );
    expect(started.errors).toBeUndefined();
    const deadline = Date.now() + 30_000;
    for (;;) {
      const current = await batchQuery(id);
      if (current.calculation.state !== 'RUNNING') return current;
      if (Date.now() > deadline) throw new Error('calculation did not finish');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  beforeAll(async () => {
    sut = await startTestService(royaltyDistributionApp);
    upstream = new UpstreamEvents(sut.app);
    society = await upstream.party(PartyKind.SOCIETY);
    await upstream.party(PartyKind.PLATFORM, platform.partyId);
    admin = { role: Role.SOCIETY_ADMIN, partyId: society };
    member = await upstream.holder({ societyId: society });
    nonMember = await upstream.holder();
    const share = (holderId: string, shareBps: number) => ({
      holderId,
      rightType: RightType.PERFORMANCE,
      shareBps,
    });
    workA = await upstream.work([], { shares: [share(member, 6000), share(nonMember, 3000)] });
    workB = await upstream.work([], { shares: [share(member, 10_000)] });
    const workC = await upstream.work([], { shares: [share(nonMember, 10_000)] });
    await upstream.disputeOpened(workB, [member, randomUUID()]);
    const scheme = await upstream.scheme({
      societyId: society,
      rightType: RightType.PERFORMANCE,
      weights: [
        { useType: UseType.STREAM, weight: 2 },
        { useType: UseType.SNS_POST, weight: 1 },
      ],
    });
    const license = (workId: string | null, useType = UseType.STREAM) =>
      upstream.license({
        platformId: platform.partyId,
        schemeId: scheme,
        societyId: society,
        workId,
        useType,
        unidentifiedReference: workId ? null : 'title:mystery',
      });
    const [aStream, aSns, bStream, cStream, unknown] = [
      await license(workA),
      await license(workA, UseType.SNS_POST),
      await license(workB),
      await license(workC),
      await license(null),
    ];
    await upstream.settled();
    const report = await sut.app.inject({
      method: 'POST',
      url: '/v1/usage-reports?periodStart=2026-11-01&periodEnd=2026-12-01',
      headers: {
        authorization: `Bearer ${await sut.tokenFor(platform)}`,
        'content-type': 'text/csv',
        'idempotency-key': randomUUID(),
      },
      payload: [
        HEADER,
        `${aStream},,,,STREAM,JP,60,2026-11-03`,
        `${aStream},,,,STREAM,JP,40,2026-11-13`,
        `${aSns},,,,SNS_POST,JP,50,2026-11-04`,
        `${bStream},,,,STREAM,JP,30,2026-11-05`,
        `${cStream},,,,STREAM,JP,40,2026-11-10`,
        `${unknown},,,,STREAM,JP,10,2026-11-06`,
      ].join('\n'),
    });
    expect(report.json()).toMatchObject({ linesAccepted: 6, linesRejected: 0 });
    // The operator records an opt-out of work C's holder back to 5 November, after the report.
    await upstream.optOut(nonMember, {
      workId: workC,
      effectiveFrom: new Date('2026-11-05T00:00:00Z'),
    });
    await upstream.settled();
    const created = await gql<{ createDistributionBatch: BatchView }>(
      `mutation { createDistributionBatch(input: { periodStart: "2026-11-01", periodEnd: "2026-12-01",
         category: MUSIC, poolAmountMinor: "100000", currency: "JPY", adminFeeBps: 1500 }) { ${BATCH_FIELDS} } }`,
      {},
      admin,
    );
    expect(created.errors).toBeUndefined();
    batch = created.data!.createDistributionBatch;
    expect(batch.status).toBe('DRAFT');
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should allocate the golden scenario exactly as computed by hand', async () => {
    const result = await calculated(batch.id);
    expect(result).toMatchObject({
      status: 'CALCULATED',
      pool: { amountMinor: '100000', currency: 'JPY' },
      adminFee: { amountMinor: '15000' },
      payableTotal: { amountMinor: '38636' },
      heldTotal: { amountMinor: '19318' },
      allocatedTotal: { amountMinor: '57954' },
      reservedTotal: { amountMinor: '27046' },
      exceptions: 1,
      calculation: { state: 'IDLE', phase: null, error: null },
    });
    expect(result.checksum).toMatch(/^[0-9a-f]{64}$/);
    batch = result;
  });

  it('should show each holder its lines per work and use type, split exactly', async () => {
    const statement = async (holderId: string, caller: Caller) =>
      gql<{
        statement: {
          totalPayable: { amountMinor: string };
          totalHeld: { amountMinor: string };
          totalReserved: { amountMinor: string };
          lines: {
            workKey: string;
            useType: string;
            amount: { amountMinor: string };
            status: string;
          }[];
        };
      }>(
        `query ($b: ID!, $h: ID!) { statement(batchId: $b, holderId: $h) {
           totalPayable { amountMinor } totalHeld { amountMinor } totalReserved { amountMinor }
           lines { workKey useType amount { amountMinor } status } } }`,
        { b: batch.id, h: holderId },
        caller,
      );
    // Calculated, not approved: the batch may still change, so the holder does not see it yet.
    const early = await statement(member, { role: Role.RIGHT_HOLDER, partyId: member });
    expect(early.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const ofMember = (await statement(member, admin)).data!.statement;
    expect(ofMember.totalPayable.amountMinor).toBe('38636');
    expect(ofMember.totalReserved.amountMinor).toBe('15455');
    expect(
      ofMember.lines.map((l) => [l.workKey, l.useType, l.amount.amountMinor, l.status]).sort(),
    ).toEqual(
      [
        [workA, 'SNS_POST', '7727', 'PAYABLE'],
        [workA, 'STREAM', '30909', 'PAYABLE'],
        [workB, 'STREAM', '15455', 'RESERVED'],
      ].sort(),
    );
    const ofNonMember = (await statement(nonMember, admin)).data!.statement;
    expect(ofNonMember.totalHeld.amountMinor).toBe('19318');
    expect(
      ofNonMember.lines.map((l) => [l.useType, l.amount.amountMinor, l.status]).sort(),
    ).toEqual(
      [
        ['SNS_POST', '3864', 'HELD'],
        ['STREAM', '15454', 'HELD'],
      ].sort(),
    );
    const peek = await statement(member, { role: Role.RIGHT_HOLDER, partyId: nonMember });
    expect(peek.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('should give the same checksum when recalculated', async () => {
    const again = await calculated(batch.id);
    expect(again.checksum).toBe(batch.checksum);
    expect(again.reservedTotal).toEqual(batch.reservedTotal);
  });

  it('should export every allocation and a statement as CSV', async () => {
    const get = async (url: string, caller: Caller) =>
      sut.app.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${await sut.tokenFor(caller)}` },
      });
    const allocations = await get(`/v1/distribution-batches/${batch.id}/allocations.csv`, admin);
    expect(allocations.statusCode).toBe(200);
    const rows = allocations.body.trim().split('\n');
    expect(rows[0]).toBe('work_key,holder_key,points,amount,currency,status,reason');
    expect(rows).toContain(`${workA},${member},1500000,38636,JPY,PAYABLE,`);
    expect(rows).toContain(`${workA},${nonMember},750000,19318,JPY,HELD,NON_MEMBER`);
    expect(rows).toHaveLength(6);
    const statement = await get(
      `/v1/distribution-batches/${batch.id}/statements/${member}.csv`,
      admin,
    );
    // A document: every row names the holder, the society, the period and the work's title.
    const [header, ...statementRows] = statement.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(statement.body.startsWith('\uFEFF')).toBe(true);
    expect(header).toBe(
      'holder_id,holder_name,society_id,society_name,batch_id,period_start,period_end,category,work_key,title,use_type,amount,currency,status',
    );
    expect(statementRows).toContain(
      [
        member,
        `Holder ${member.slice(0, 8)}`,
        society,
        `SOCIETY ${society.slice(0, 8)}`,
        batch.id,
        '2026-11-01',
        '2026-12-01',
        'MUSIC',
        workA,
        `Work ${workA.slice(0, 8)}`,
        'STREAM,30909,JPY,PAYABLE',
      ].join(','),
    );
    expect(statementRows).toHaveLength(3);
    const early = await get(`/v1/distribution-batches/${batch.id}/statements/${member}.csv`, {
      role: Role.RIGHT_HOLDER,
      partyId: member,
    });
    expect(early.statusCode).toBe(404);
    const denied = await get(`/v1/distribution-batches/${batch.id}/allocations.csv`, platform);
    expect(denied.statusCode).toBe(404);
  });

  it('should approve, publish reserves without personal data, settle claims and close', async () => {
    const approved = await gql<{ approveDistributionBatch: BatchView }>(
      `mutation ($id: ID!) { approveDistributionBatch(id: $id) { status } }`,
      { id: batch.id },
      admin,
    );
    expect(approved.data!.approveDistributionBatch.status).toBe('APPROVED');
    const again = await gql<{ approveDistributionBatch: BatchView }>(
      `mutation ($id: ID!) { approveDistributionBatch(id: $id) { status } }`,
      { id: batch.id },
      admin,
    );
    expect(again.data!.approveDistributionBatch.status).toBe('APPROVED');
    const recalc = await gql(
      `mutation ($id: ID!) { calculateDistributionBatch(id: $id) { status } }`,
      { id: batch.id },
      admin,
    );
    expect(recalc.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const reserves = async (caller: Caller | null) =>
      (
        await gql<{
          reserves: {
            edges: {
              node: {
                id: string;
                reason: string;
                amount: { amountMinor: string };
                workKey: string;
              };
            }[];
          };
        }>(
          `query ($b: ID) { reserves(filter: { batchId: $b }) { edges { node { id reason workKey amount { amountMinor } } } } }`,
          { b: batch.id },
          caller,
        )
      ).data!.reserves.edges.map((edge) => edge.node);
    const publicReport = await reserves(null);
    expect(publicReport.map((r) => [r.reason, r.amount.amountMinor]).sort()).toEqual(
      [
        ['DISPUTED', '15455'],
        ['UNCLAIMED', '6439'],
        ['UNIDENTIFIED', '5152'],
      ].sort(),
    );
    const held = (await reserves(admin)).find((r) => r.reason === 'NON_MEMBER')!;
    expect(held.amount.amountMinor).toBe('19318');

    const nonMemberCaller: Caller = { role: Role.RIGHT_HOLDER, partyId: nonMember };
    const claim = await gql<{ claimReserve: { id: string; status: string } }>(
      `mutation ($input: ClaimReserveInput!) { claimReserve(input: $input) { id status } }`,
      {
        input: { reserveId: held.id, holderId: nonMember, evidence: 'I am the holder; I joined.' },
      },
      nonMemberCaller,
    );
    expect(claim.data!.claimReserve.status).toBe('PENDING');
    const stranger = await gql(
      `mutation ($input: ClaimReserveInput!) { claimReserve(input: $input) { id } }`,
      { input: { reserveId: held.id, holderId: member, evidence: 'mine' } },
      { role: Role.RIGHT_HOLDER, partyId: member },
    );
    expect(stranger.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const settled = await gql<{ settleClaim: { status: string } }>(
      `mutation ($input: SettleClaimInput!) { settleClaim(input: $input) { status } }`,
      { input: { claimId: claim.data!.claimReserve.id, approve: true } },
      admin,
    );
    expect(settled.data!.settleClaim.status).toBe('APPROVED');

    const closed = await gql<{ closeDistributionBatch: { status: string } }>(
      `mutation ($id: ID!) { closeDistributionBatch(id: $id) { status } }`,
      { id: batch.id },
      admin,
    );
    expect(closed.data!.closeDistributionBatch.status).toBe('CLOSED');

    // After the claim period, what nobody claimed is released (the held money was claimed).
    const operator: Caller = { role: Role.OPERATOR, partyId: randomUUID() };
    const early = await gql<{ releaseReserves: number }>(
      'mutation { releaseReserves(asOf: "2000-01-01") }',
      {},
      operator,
    );
    expect(early.data!.releaseReserves).toBe(0);
    const late = await gql<{ releaseReserves: number }>(
      'mutation { releaseReserves(asOf: "2100-01-01") }',
      {},
      operator,
    );
    expect(late.data!.releaseReserves).toBe(3);
  });

  it('should publish the approval once, a statement per holder after it, and whose claim was settled', async () => {
    const events = await publishedEvents(sut.app, batch.id);
    const of = (type: string) => events.filter((event) => event.type === `distribution.${type}`);
    expect(of('batch.approved').map((event) => event.payload)).toEqual([
      {
        batchId: batch.id,
        checksum: batch.checksum,
        approvedBy: society,
        approvedAt: expect.any(String),
        societyId: society,
        category: 'MUSIC',
        periodStart: '2026-11-01',
        periodEnd: '2026-12-01',
        currency: 'JPY',
        allocatedTotal: { amountMinor: '57954', currency: 'JPY' },
        reservedTotal: { amountMinor: '27046', currency: 'JPY' },
      },
    ]);
    const statements = of('statement.available');
    const common = {
      batchId: batch.id,
      societyId: society,
      category: 'MUSIC',
      periodStart: '2026-11-01',
      periodEnd: '2026-12-01',
    };
    const jpy = (amountMinor: string) => ({ amountMinor, currency: 'JPY' });
    expect(statements.map((event) => event.payload)).toEqual(
      expect.arrayContaining([
        { ...common, holderId: member, totalPayable: jpy('38636'), totalHeld: jpy('0') },
        { ...common, holderId: nonMember, totalPayable: jpy('0'), totalHeld: jpy('19318') },
      ]),
    );
    const listed = await gql<{ statements: { totalCount: number } }>(
      `query ($b: ID) { statements(filter: { batchId: $b }) { totalCount } }`,
      { b: batch.id },
      { role: Role.OPERATOR, partyId: randomUUID() },
    );
    expect(statements).toHaveLength(listed.data!.statements.totalCount);
    expect(statements).toHaveLength(2);
    expect(statements.every((event) => event.aggregateId === batch.id)).toBe(true);
    const types = events.map((event) => event.type);
    expect(types.indexOf('distribution.statement.available')).toBe(
      types.indexOf('distribution.batch.approved') + 1,
    );
    expect(of('claim.settled').map((event) => event.payload)).toEqual([
      expect.objectContaining({
        holderId: nonMember,
        amount: jpy('19318'),
        societyId: society,
        batchId: batch.id,
        claimantSocietyId: null,
      }),
    ]);
  });

  describe('statements as documents, across batches', () => {
    interface Listed {
      statements: {
        totalCount: number;
        totals: ({ currency: string } & Record<
          'payable' | 'held' | 'reserved' | 'claimed',
          { amountMinor: string }
        >)[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: {
          cursor: string;
          node: {
            holder: { id: string };
            holderName: string | null;
            batchId: string;
            batchStatus: string;
            society: { id: string };
            societyName: string | null;
            category: string;
            periodStart: string;
            periodEnd: string;
            useTypes: string[];
            totalPayable: { amountMinor: string };
            totalHeld: { amountMinor: string };
            totalReserved: { amountMinor: string };
            totalClaimed: { amountMinor: string };
            lines: { title: string | null; useType: string; amount: { amountMinor: string } }[];
          };
        }[];
      };
    }
    const money = '{ amountMinor }';
    const list = (caller: Caller, variables: Record<string, unknown> = {}) =>
      gql<Listed>(
        `query ($filter: StatementsFilterInput, $first: Int, $after: String) {
           statements(filter: $filter, first: $first, after: $after) {
             totalCount totals { currency payable ${money} held ${money} reserved ${money} claimed ${money} }
             pageInfo { hasNextPage endCursor }
             edges { cursor node { holder { id } holderName batchId batchStatus society { id }
               societyName category periodStart periodEnd useTypes totalPayable ${money}
               totalHeld ${money} totalReserved ${money} totalClaimed ${money}
               lines { title useType amount ${money} } } } } }`,
        variables,
        caller,
      );
    const sum = (amounts: { amountMinor: string }[]) =>
      amounts.reduce((total, amount) => total + BigInt(amount.amountMinor), 0n).toString();

    it("should list a right holder's own statement with names, period, titles and the claimed part", async () => {
      const result = await list({ role: Role.RIGHT_HOLDER, partyId: nonMember });
      expect(result.errors).toBeUndefined();
      const { statements } = result.data!;
      expect(statements.totalCount).toBe(1);
      const node = statements.edges[0]!.node;
      expect(node).toMatchObject({
        holder: { id: nonMember },
        holderName: `Holder ${nonMember.slice(0, 8)}`,
        batchId: batch.id,
        batchStatus: 'CLOSED',
        society: { id: society },
        societyName: `SOCIETY ${society.slice(0, 8)}`,
        category: 'MUSIC',
        periodStart: '2026-11-01',
        periodEnd: '2026-12-01',
        useTypes: ['SNS_POST', 'STREAM'],
        totalPayable: { amountMinor: '0' },
        totalHeld: { amountMinor: '19318' },
        // The held money's claim was approved.
        totalClaimed: { amountMinor: '19318' },
      });
      expect(new Set(node.lines.map((line) => line.title))).toEqual(
        new Set([`Work ${workA.slice(0, 8)}`]),
      );
      expect(sum(node.lines.map((line) => line.amount))).toBe(node.totalHeld.amountMinor);
      expect(statements.totals).toEqual([
        {
          currency: 'JPY',
          payable: { amountMinor: '0' },
          held: { amountMinor: '19318' },
          reserved: { amountMinor: '0' },
          claimed: { amountMinor: '19318' },
        },
      ]);
    });

    it('should list nothing of another holder to a right holder', async () => {
      const result = await list(
        { role: Role.RIGHT_HOLDER, partyId: member },
        { filter: { holderId: nonMember } },
      );
      expect(result.data!.statements).toMatchObject({ totalCount: 0, edges: [], totals: [] });
    });

    it("should page an admin's statements stably, with totals of all of them that reconcile to the lines", async () => {
      const first = (await list(admin, { first: 1, filter: { batchId: batch.id } })).data!
        .statements;
      expect(first.totalCount).toBe(2);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = (
        await list(admin, {
          first: 1,
          after: first.pageInfo.endCursor,
          filter: { batchId: batch.id },
        })
      ).data!.statements;
      expect(second.totalCount).toBe(2);
      expect(second.pageInfo.hasNextPage).toBe(false);
      const nodes = [...first.edges, ...second.edges].map((edge) => edge.node);
      expect(new Set(nodes.map((node) => node.holder.id))).toEqual(new Set([member, nonMember]));
      expect(second.totals).toEqual(first.totals);
      expect(first.totals).toEqual([
        {
          currency: 'JPY',
          payable: { amountMinor: '38636' },
          held: { amountMinor: '19318' },
          reserved: { amountMinor: '15455' },
          claimed: { amountMinor: '19318' },
        },
      ]);
      const lines = nodes.flatMap((node) => node.lines);
      const [totals] = first.totals;
      expect(sum(lines.map((line) => line.amount))).toBe(
        sum([totals!.payable, totals!.held, totals!.reserved]),
      );
      const refusals = await Promise.all([
        list(admin, { after: 'not-a-cursor' }),
        list(admin, { first: 0 }),
        list(admin, { filter: { periodFrom: '2026-13-01' } }),
        list(admin, { filter: { batchId: 'not-an-id' } }),
        gql(`query { claims(first: 101) { totalCount } }`, {}, admin),
        gql(`query { claims(after: "x") { totalCount } }`, {}, admin),
      ]);
      expect(refusals.map((result) => result.errors?.[0]?.extensions?.code)).toEqual(
        Array(6).fill('BAD_USER_INPUT'),
      );
      expect(refusals.map((result) => result.errors?.[0]?.message)).toEqual([
        'after: the cursor is not valid',
        'first must be from 1 to 100',
        'periodFrom must be a date YYYY-MM-DD that exists, from 1900-01-01 to 9999-12-31',
        '$filter.batchId must be a UUID',
        'first must be from 1 to 100',
        'after: the cursor is not valid',
      ]);
    });

    it("should list a holder's claims with the reserve's title and amount", async () => {
      const claims = await gql<{
        claims: {
          totalCount: number;
          edges: {
            node: {
              status: string;
              holder: { id: string };
              reserve: { title: string; amount: { amountMinor: string }; periodStart: string };
            };
          }[];
        };
      }>(
        `query ($filter: ClaimsFilterInput) { claims(filter: $filter) { totalCount
           edges { node { status holder { id } reserve { title amount { amountMinor } periodStart } } } } }`,
        {},
        { role: Role.RIGHT_HOLDER, partyId: nonMember },
      );
      expect(claims.errors).toBeUndefined();
      expect(claims.data!.claims).toEqual({
        totalCount: 1,
        edges: [
          {
            node: {
              status: 'APPROVED',
              holder: { id: nonMember },
              reserve: {
                title: `Work ${workA.slice(0, 8)}`,
                amount: { amountMinor: '19318' },
                periodStart: '2026-11-01',
              },
            },
          },
        ],
      });
      const none = await gql<{ claims: { totalCount: number } }>(
        `query { claims { totalCount } }`,
        {},
        { role: Role.RIGHT_HOLDER, partyId: member },
      );
      expect(none.data!.claims.totalCount).toBe(0);
      const pending = await gql<{ claims: { totalCount: number } }>(
        `query { claims(filter: { status: PENDING }) { totalCount } }`,
        {},
        admin,
      );
      expect(pending.data!.claims.totalCount).toBe(0);
    });

    it("should find an unidentified work's reserve by the title its usage named, and count it", async () => {
      const found = await gql<{
        reserves: { totalCount: number; edges: { node: { reason: string; title: string } }[] };
      }>(
        `query { reserves(filter: { query: "ＭＹＳＴＥＲＹ" }) { totalCount edges { node { reason title } } } }`,
        {},
        null,
      );
      expect(found.errors).toBeUndefined();
      expect(found.data!.reserves).toEqual({
        totalCount: 1,
        edges: [{ node: { reason: 'UNIDENTIFIED', title: 'mystery' } }],
      });
    });
  });

  it('should write the statement events a page of holders at a time, each holder once', async () => {
    class RollBack extends Error {}
    const outbox = sut.app.get(Outbox);
    let written: { count: number; holders: string[] } | undefined;
    await expect(
      sut.app.get(DataSource).transaction(async (manager) => {
        const found = await manager.findOneByOrFail(BatchEntity, { id: batch.id });
        const before = await manager.query<{ id: string }[]>(
          `SELECT max(id) AS id FROM royalty_distribution.outbox`,
        );
        const count = await addStatementEvents(manager, outbox, found, 1);
        const rows = await manager.query<{ holder: string }[]>(
          `SELECT envelope->'payload'->>'holderId' AS holder FROM royalty_distribution.outbox
           WHERE aggregate_id = $1 AND id > coalesce($2, 0) ORDER BY id`,
          [batch.id, before[0]!.id],
        );
        written = { count, holders: rows.map((row) => row.holder) };
        throw new RollBack();
      }),
    ).rejects.toBeInstanceOf(RollBack);
    expect(written).toEqual({ count: 2, holders: [member, nonMember].sort() });
  });

  it('should refuse batches of other societies and bad terms', async () => {
    const other: Caller = {
      role: Role.SOCIETY_ADMIN,
      partyId: await upstream.party(PartyKind.SOCIETY),
    };
    await upstream.settled();
    expect(await batchQueryAs(other)).toBe('NOT_FOUND');
    const bad = await gql(
      `mutation { createDistributionBatch(input: { periodStart: "2026-12-01", periodEnd: "2026-11-01",
         category: MUSIC, currency: "JPY", adminFeeBps: 100 }) { id } }`,
      {},
      admin,
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const platformTry = await gql(
      `mutation { createDistributionBatch(input: { periodStart: "2026-11-01", periodEnd: "2026-12-01",
         category: MUSIC, currency: "JPY", adminFeeBps: 100 }) { id } }`,
      {},
      platform,
    );
    expect(platformTry.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    async function batchQueryAs(caller: Caller) {
      return (
        await gql<{ distributionBatch: unknown }>(
          `query ($id: ID!) { distributionBatch(id: $id) { id } }`,
          { id: batch.id },
          caller,
        )
      ).errors?.[0]?.extensions?.code;
    }
  });

  it('should take the pool from the license fees of the period when none is given', async () => {
    const created = await gql<{ createDistributionBatch: BatchView }>(
      `mutation { createDistributionBatch(input: { periodStart: "2026-01-01", periodEnd: "2026-11-01",
         category: MUSIC, currency: "JPY", adminFeeBps: 0 }) { id } }`,
      {},
      admin,
    );
    const result = await calculated(created.data!.createDistributionBatch.id);
    // Five licenses of 2,000 JPY each, all valid from 2026-01-01 (the period ends where
    // November's batch begins: batches of a society and category never overlap).
    expect(result.pool.amountMinor).toBe('10000');
    expect(
      BigInt(result.allocatedTotal.amountMinor) +
        BigInt(result.reservedTotal.amountMinor) +
        BigInt(result.adminFee.amountMinor),
    ).toBe(10000n);
  });

  describe('overlapping periods', () => {
    const create = (periodStart: string, periodEnd: string, caller: Caller = admin) =>
      gql<{ createDistributionBatch: { id: string; status: string } }>(
        `mutation ($start: String!, $end: String!) { createDistributionBatch(input: {
           periodStart: $start, periodEnd: $end, category: MUSIC, poolAmountMinor: "1000",
           currency: "JPY", adminFeeBps: 0 }) { id status } }`,
        { start: periodStart, end: periodEnd },
        caller,
      );
    const cancel = (id: string, caller: Caller = admin) =>
      gql<{ cancelDistributionBatch: { id: string; status: string } }>(
        'mutation ($id: ID!) { cancelDistributionBatch(id: $id) { id status } }',
        { id },
        caller,
      );
    const batchesOfPeriod = (periodStart: string) =>
      sut.app.get(DataSource).query<{ status: string }[]>(
        `SELECT status FROM royalty_distribution.distribution_batches
           WHERE society_id = $1 AND period_start = $2 ORDER BY created_at`,
        [society, periodStart],
      );

    it('should refuse a batch overlapping an approved one, naming its period', async () => {
      const result = await create('2026-11-15', '2026-12-15');
      expect(result.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(result.errors?.[0]?.message).toMatch(
        /^the society's MUSIC batch [0-9a-f-]{36} for \[2026-11-01, 2026-12-01\) overlaps this period/,
      );
      expect(await batchesOfPeriod('2026-11-15')).toEqual([]);
    });

    it('should free the period of a cancelled batch, and cancel it once', async () => {
      const first = (await create('2027-03-01', '2027-04-01')).data!.createDistributionBatch;
      expect((await create('2027-03-31', '2027-05-01')).errors?.[0]?.extensions?.code).toBe(
        'CONFLICT',
      );
      const cancelled = await cancel(first.id);
      expect(cancelled.data!.cancelDistributionBatch).toEqual({
        id: first.id,
        status: 'CANCELLED',
      });
      // Again: the same answer, nothing changed.
      expect((await cancel(first.id)).data!.cancelDistributionBatch.status).toBe('CANCELLED');
      const second = await create('2027-03-01', '2027-04-01');
      expect(second.errors).toBeUndefined();
      expect(await batchesOfPeriod('2027-03-01')).toEqual([
        { status: 'CANCELLED' },
        { status: 'DRAFT' },
      ]);
      // A cancelled batch is done with: it is neither calculated nor approved.
      const recalculated = await gql(
        'mutation ($id: ID!) { calculateDistributionBatch(id: $id) { id } }',
        { id: first.id },
        admin,
      );
      expect(recalculated.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    });

    it('should cancel a calculated batch, and refuse to cancel an approved one', async () => {
      const draft = (await create('2027-06-01', '2027-07-01')).data!.createDistributionBatch;
      expect((await calculated(draft.id)).status).toBe('CALCULATED');
      expect((await cancel(draft.id)).data!.cancelDistributionBatch.status).toBe('CANCELLED');
      const refused = await cancel(batch.id);
      expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(refused.errors?.[0]?.message).toContain('cannot be cancelled');
      expect((await batchQuery(batch.id)).status).toBe('CLOSED');
    });

    it('should keep a batch cancelled while it is being calculated cancelled', async () => {
      const draft = (await create('2027-10-01', '2027-11-01')).data!.createDistributionBatch;
      const started = await gql(
        'mutation ($id: ID!) { calculateDistributionBatch(id: $id) { id } }',
        { id: draft.id },
        admin,
      );
      expect(started.errors).toBeUndefined();
      expect((await cancel(draft.id)).data!.cancelDistributionBatch.status).toBe('CANCELLED');
      // Long enough for the calculation of this small batch to have ended, had it gone on.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const after = await batchQuery(draft.id);
      expect([after.status, after.calculation.state, after.payableTotal]).toEqual([
        'CANCELLED',
        'IDLE',
        null,
      ]);
    });

    it("should answer NOT_FOUND for another society's batch, and leave it as it was", async () => {
      const draft = (await create('2027-08-01', '2027-09-01')).data!.createDistributionBatch;
      const other: Caller = {
        role: Role.SOCIETY_ADMIN,
        partyId: await upstream.party(PartyKind.SOCIETY),
      };
      await upstream.settled();
      const refused = await cancel(draft.id, other);
      expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await cancel(randomUUID(), other)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await batchQuery(draft.id)).status).toBe('DRAFT');
      const byOperator = await cancel(draft.id, { role: Role.OPERATOR, partyId: randomUUID() });
      expect(byOperator.data!.cancelDistributionBatch.status).toBe('CANCELLED');
    });

    it('should let one of two overlapping batches created at once win', async () => {
      const results = await Promise.all(
        ['2028-01-01', '2028-01-10', '2028-01-20'].map((start) => create(start, '2028-02-01')),
      );
      const codes = results.map((result) => result.errors?.[0]?.extensions?.code ?? 'OK').sort();
      expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'OK']);
      const [count] = await sut.app.get(DataSource).query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM royalty_distribution.distribution_batches
           WHERE society_id = $1 AND period_start >= '2028-01-01'`,
        [society],
      );
      expect(count).toEqual({ n: 1 });
    });
  });
});
