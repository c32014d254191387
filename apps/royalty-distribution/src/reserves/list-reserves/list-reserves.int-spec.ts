import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Caller } from '#libs/auth';
import { PartyKind, RightType, Role } from '#libs/contracts';
import { startTestService, type TestService } from '#libs/testing';
import { publishedEvents } from '../../../../../test/support/published-events.js';
import { UpstreamEvents } from '../../../../../test/support/upstream-events.js';
import { royaltyDistributionApp } from '../../royalty-distribution.app.js';

const HEADER = 'licenseId,workId,identifier,title,useType,territory,quantity,usageDate';

interface Found {
  id: string;
  reason: string;
  title: string | null;
  workKey: string;
  periodStart: string;
  societyName: string | null;
}

/**
 * Unclaimed money found by title, the way a visitor writes it: 桜の雨 (half unclaimed, half held
 * for a non-member) and Moonlight Serenade (unclaimed) are registered; ひまわり was reported
 * but never registered (unidentified).
 */
describe('reserves searched by title', () => {
  let sut: TestService;
  let sakura: string;
  let moonlight: string;
  let nonMember: string;
  let society: string;
  let batchId: string;
  let otherSociety: string;
  let otherMember: string;

  const search = async (query: string, caller: Caller | null = null) => {
    const result = await sut.graphql<{
      reserves: { totalCount: number; edges: { node: Found }[] };
    }>(
      `query ($q: String) { reserves(filter: { query: $q }) { totalCount
         edges { node { id reason title workKey periodStart societyName } } } }`,
      { q: query },
      caller,
    );
    expect(result.errors).toBeUndefined();
    const { totalCount, edges } = result.data!.reserves;
    expect(totalCount).toBe(edges.length);
    return edges.map(({ node }) => node);
  };

  beforeAll(async () => {
    sut = await startTestService(royaltyDistributionApp);
    const upstream = new UpstreamEvents(sut.app);
    society = await upstream.party(PartyKind.SOCIETY);
    const admin: Caller = { role: Role.SOCIETY_ADMIN, partyId: society };
    const platform: Caller = {
      role: Role.PLATFORM,
      partyId: await upstream.party(PartyKind.PLATFORM),
    };
    nonMember = await upstream.holder();
    otherSociety = await upstream.party(PartyKind.SOCIETY);
    otherMember = await upstream.holder({ societyId: otherSociety });
    sakura = await upstream.work([], {
      title: '桜の雨',
      shares: [{ holderId: nonMember, rightType: RightType.PERFORMANCE, shareBps: 5000 }],
    });
    moonlight = await upstream.work([], { title: 'Moonlight Serenade', shares: [] });
    await upstream.work([], { title: '夏祭り', shares: [] });
    const scheme = await upstream.scheme({ societyId: society });
    const license = (workId: string | null) =>
      upstream.license({
        platformId: platform.partyId,
        schemeId: scheme,
        societyId: society,
        workId,
        unidentifiedReference: workId ? null : 'title:ひまわり|creator:',
      });
    const licenses = [await license(sakura), await license(moonlight), await license(null)];
    await upstream.settled();
    const report = await sut.app.inject({
      method: 'POST',
      url: '/v1/usage-reports?periodStart=2026-11-01&periodEnd=2026-12-01',
      headers: {
        authorization: `Bearer ${await sut.tokenFor(platform)}`,
        'content-type': 'text/csv',
        'idempotency-key': randomUUID(),
      },
      payload: [HEADER, ...licenses.map((id) => `${id},,,,STREAM,JP,10,2026-11-03`)].join('\n'),
    });
    expect(report.json()).toMatchObject({ linesAccepted: 3 });
    const gql = <T>(query: string, id?: string) => sut.graphql<T>(query, { id }, admin);
    const created = await gql<{ createDistributionBatch: { id: string } }>(
      `mutation { createDistributionBatch(input: { periodStart: "2026-11-01", periodEnd: "2026-12-01",
         category: MUSIC, poolAmountMinor: "9000", currency: "JPY", adminFeeBps: 0 }) { id } }`,
    );
    const id = created.data!.createDistributionBatch.id;
    batchId = id;
    await gql(`mutation ($id: ID!) { calculateDistributionBatch(id: $id) { id } }`, id);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const state = await gql<{ distributionBatch: { status: string } }>(
        `query ($id: ID!) { distributionBatch(id: $id) { status } }`,
        id,
      );
      if (state.data?.distributionBatch.status === 'CALCULATED') break;
      if (Date.now() > deadline) throw new Error('calculation did not finish');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const approved = await gql(
      `mutation ($id: ID!) { approveDistributionBatch(id: $id) { id } }`,
      id,
    );
    expect(approved.errors).toBeUndefined();
  });

  afterAll(async () => {
    await sut?.close();
  });

  it.each(['さくらのあめ', 'サクラノアメ', '桜 の 雨', 'sakura no ame', '桜'])(
    'should find the unclaimed money of 桜の雨 by %j, and not the money held for its holder',
    async (query) => {
      expect(await search(query)).toEqual([
        {
          id: expect.any(String),
          reason: 'UNCLAIMED',
          title: '桜の雨',
          workKey: sakura,
          periodStart: '2026-11-01',
          societyName: `SOCIETY ${society.slice(0, 8)}`,
        },
      ]);
    },
  );

  it('should show the holder its held money found by title too', async () => {
    const found = await search('さくらのあめ', { role: Role.RIGHT_HOLDER, partyId: nonMember });
    expect(found.map((reserve) => reserve.reason).sort()).toEqual(['NON_MEMBER', 'UNCLAIMED']);
  });

  it('should find a misspelled Latin title', async () => {
    expect((await search('moonlite serenade')).map((reserve) => reserve.workKey)).toEqual([
      moonlight,
    ]);
  });

  it('should find an unidentified work by the title its usage named, in another script', async () => {
    expect(await search('ヒマワリ')).toEqual([
      expect.objectContaining({ reason: 'UNIDENTIFIED', title: 'ひまわり' }),
    ]);
  });

  it('should find nothing for a title nobody reported', async () => {
    expect(await search('Bohemian Rhapsody')).toEqual([]);
  });

  it('should let a right holder claim unclaimed money for itself, once, and not for another', async () => {
    const [unclaimed] = await search('Moonlight Serenade');
    const claim = (holderId: string) =>
      sut.graphql<{ claimReserve: { id: string; status: string } }>(
        `mutation ($input: ClaimReserveInput!) { claimReserve(input: $input) { id status } }`,
        { input: { reserveId: unclaimed!.id, holderId, evidence: 'I wrote it in 1939.' } },
        { role: Role.RIGHT_HOLDER, partyId: nonMember },
      );
    const first = await claim(nonMember);
    expect(first.data!.claimReserve.status).toBe('PENDING');
    const again = await claim(nonMember);
    expect(again.data!.claimReserve.id).toBe(first.data!.claimReserve.id);
    const forAnother = await claim(randomUUID());
    expect(forAnother.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^no reserve .+ that you may claim for holder /),
      extensions: { code: 'NOT_FOUND' },
    });
    const settled = await sut.graphql<{ settleClaim: { status: string } }>(
      `mutation ($id: ID!) { settleClaim(input: { claimId: $id, approve: true }) { status } }`,
      { id: first.data!.claimReserve.id },
      { role: Role.SOCIETY_ADMIN, partyId: society },
    );
    expect(settled.data!.settleClaim.status).toBe('APPROVED');
    const late = await claim(nonMember);
    expect(late.errors?.[0]).toMatchObject({
      message: 'the reserve is CLAIMED: its money went to an approved claim',
      extensions: { code: 'CONFLICT' },
    });
  });

  it("should tell whose reserve paid a settled claim and the claimant's society", async () => {
    const [unidentified] = await search('ひまわり');
    const claimant: Caller = { role: Role.RIGHT_HOLDER, partyId: otherMember };
    const claim = await sut.graphql<{ claimReserve: { id: string } }>(
      `mutation ($input: ClaimReserveInput!) { claimReserve(input: $input) { id } }`,
      { input: { reserveId: unidentified!.id, holderId: otherMember, evidence: 'My song.' } },
      claimant,
    );
    expect(claim.errors).toBeUndefined();
    const settled = await sut.graphql<{ settleClaim: { status: string } }>(
      `mutation ($id: ID!) { settleClaim(input: { claimId: $id, approve: true }) { status } }`,
      { id: claim.data!.claimReserve.id },
      { role: Role.SOCIETY_ADMIN, partyId: society },
    );
    expect(settled.data!.settleClaim.status).toBe('APPROVED');
    const events = await publishedEvents(sut.app, batchId);
    expect(
      events
        .filter((event) => event.type === 'distribution.claim.settled')
        .map((event) => event.payload),
    ).toContainEqual(
      expect.objectContaining({
        claimId: claim.data!.claimReserve.id,
        holderId: otherMember,
        societyId: society,
        batchId,
        claimantSocietyId: otherSociety,
      }),
    );
  });
});
