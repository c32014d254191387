import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/auth';
import { IdentifierScheme, PartyKind, Role, UseType } from '#libs/contracts';
import { Messaging } from '#libs/messaging';
import { cursorOf } from '#libs/runtime';
import { startTestService, type GraphQLResult, type TestService } from '#libs/testing';
import { UpstreamEvents } from '../../../../test/support/upstream-events.js';
import { authorizationApp } from '../authorization.app.js';
import { PendingRedecider } from './application/pending-redecider.js';

const ITEM_FIELDS = `index decision reason work { id } unidentifiedReference contactHolders { id }
  price { amountMinor currency }
  license { id status validFrom validTo fee { amountMinor currency } revokedFrom revokedReason }`;

interface ItemView {
  index: number;
  decision: string;
  reason: string;
  work: { id: string } | null;
  unidentifiedReference: string | null;
  contactHolders: { id: string }[];
  price: { amountMinor: string; currency: string } | null;
  license: {
    id: string;
    status: string;
    validFrom: string;
    validTo: string;
    fee: { amountMinor: string; currency: string };
    revokedFrom: string | null;
    revokedReason: string | null;
  } | null;
}

const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;

/** The payloads of `type` events of one aggregate in the event log, once the outbox is empty. */
async function published(sut: TestService, aggregateId: string, type: string) {
  const messaging = sut.app.get(Messaging);
  while ((await messaging.status()).outboxPending > 0)
    await new Promise((resolve) => setTimeout(resolve, 50));
  const rows = await sut.app.get(DataSource).query<{ payload: Record<string, unknown> }[]>(
    `SELECT value->'payload' AS payload FROM eventlog.events
        WHERE key = $1 AND value->>'type' = $2 ORDER BY "offset"`,
    [aggregateId, type],
  );
  return rows.map((row) => row.payload);
}

async function setUp(env: Record<string, string> = {}) {
  const sut = await startTestService(authorizationApp, env);
  const upstream = new UpstreamEvents(sut.app);
  const society = await upstream.party(PartyKind.SOCIETY);
  await upstream.settled();
  const operator: Caller = { role: Role.OPERATOR, partyId: randomUUID() };
  const scheme = await sut.graphql<{ createEclScheme: { id: string } }>(
    `mutation ($input: CreateEclSchemeInput!) { createEclScheme(input: $input) { id } }`,
    {
      input: {
        societyId: society,
        category: 'MUSIC',
        useTypes: ['STREAM', 'SNS_POST', 'VIDEO_POST'],
        territories: ['JP'],
        rightType: 'MAKING_AVAILABLE',
        unitRateMinor: '3',
        currency: 'JPY',
        coversUnidentified: true,
        weights: [{ useType: 'STREAM', weight: 2 }],
      },
    },
    operator,
  );
  expect(scheme.errors).toBeUndefined();
  return { sut, upstream, society, operator };
}

describe('licensing', () => {
  let sut: TestService;
  let upstream: UpstreamEvents;
  let society: string;
  let operator: Caller;
  const platform: Caller = { role: Role.PLATFORM, partyId: randomUUID() };
  const otherPlatform: Caller = { role: Role.PLATFORM, partyId: randomUUID() };

  const requestUse = (items: Record<string, unknown>[], caller = platform, key = randomUUID()) =>
    sut.graphql<{ requestUse: { id: string; items: ItemView[] } }>(
      `mutation ($input: RequestUseInput!) { requestUse(input: $input) { id items { ${ITEM_FIELDS} } } }`,
      { input: { idempotencyKey: key, items } },
      caller,
    );
  const use = (extra: Record<string, unknown>) => ({
    useType: 'STREAM',
    territory: 'JP',
    from: '2026-12-01',
    to: '2027-01-01',
    expectedQuantity: 1000,
    ...extra,
  });

  beforeAll(async () => {
    ({ sut, upstream, society, operator } = await setUp());
    await upstream.party(PartyKind.PLATFORM, platform.partyId);
    await upstream.party(PartyKind.PLATFORM, otherPlatform.partyId);
    await upstream.settled();
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should decide each item in order and price granted licenses from the tariff', async () => {
    const holder = await upstream.holder({ societyId: society });
    const optedOutHolder = await upstream.holder();
    const plain = await upstream.work([holder], {
      title: 'となりのトトロ',
      creatorNames: ['久石譲'],
      identifiers: [{ scheme: IdentifierScheme.ISRC, value: 'JPK002100001' }],
    });
    const disputed = await upstream.work([holder], { title: 'Disputed Song' });
    await upstream.disputeOpened(disputed, [holder, randomUUID()]);
    const optedOut = await upstream.work([optedOutHolder], { title: 'Taken Out' });
    await upstream.optOut(optedOutHolder, { effectiveFrom: new Date(Date.now() - 1000) });
    await upstream.settled();

    const result = await requestUse([
      use({ workId: plain }),
      use({ identifier: { scheme: 'ISRC', value: 'JP-K00-21-00001' } }),
      use({ title: 'トナリノ トトロ', creatorName: '久石 譲' }),
      use({ title: 'An Unknown Tune' }),
      use({ title: 'A Song Nobody Registered', category: 'MUSIC' }),
      use({ workId: plain, territory: 'FR' }),
      use({ workId: optedOut }),
      use({ workId: disputed }),
      use({ title: 'Some Game', category: 'GAME' }),
    ]);
    expect(result.errors).toBeUndefined();
    const items = result.data!.requestUse.items;
    expect(items.map((item) => item.decision)).toEqual([
      'GRANTED_ECL',
      'GRANTED_ECL',
      'GRANTED_ECL',
      'OUT_OF_SCOPE',
      'GRANTED_ECL_UNIDENTIFIED',
      'OUT_OF_SCOPE',
      'DENIED_OPTED_OUT',
      'GRANTED_ECL',
      'OUT_OF_SCOPE',
    ]);
    expect(items[0]).toMatchObject({
      work: { id: plain },
      price: { amountMinor: '3000', currency: 'JPY' },
      license: { status: 'ACTIVE', validFrom: '2026-12-01', validTo: '2027-01-01' },
    });
    expect(items[1]!.work).toEqual({ id: plain });
    expect(items[2]!.work).toEqual({ id: plain });
    expect(items[3]!.reason).toBe('the work was not identified and the item names no category');
    expect(items[4]).toMatchObject({
      work: null,
      unidentifiedReference: 'title:a song nobody registered',
      license: { status: 'ACTIVE' },
    });
    expect(items[5]!.license).toBeNull();
    expect(items[6]).toMatchObject({
      license: null,
      price: null,
      contactHolders: [{ id: optedOutHolder }],
    });
    expect(items[6]!.reason).toContain('direct license');
    expect(items[7]!.reason).toContain('held in reserve');
  });

  it('should hold a title several works share as PENDING with them, and decide it when the creator tells them apart', async () => {
    const holder = await upstream.holder({ societyId: society });
    const miller = await upstream.work([holder], {
      title: 'Harbor Lights Waltz',
      creatorNames: ['Alex Miller'],
    });
    const sato = await upstream.work([holder], {
      title: 'Harbor Lights Waltz',
      creatorNames: ['Jun Sato'],
    });
    await upstream.settled();
    const fields = `id items { decision work { id } match { method score }
      candidates { work { id } method score } license { id } }`;
    const result = await sut.graphql<{
      requestUse: {
        id: string;
        items: {
          decision: string;
          work: { id: string } | null;
          match: { method: string; score: number } | null;
          candidates: { work: { id: string }; method: string; score: number }[];
          license: { id: string } | null;
        }[];
      };
    }>(
      `mutation ($input: RequestUseInput!) { requestUse(input: $input) { ${fields} } }`,
      {
        input: {
          idempotencyKey: randomUUID(),
          items: [
            use({ title: 'harbor lights waltz', category: 'MUSIC' }),
            use({ title: 'Harbor Lights Waltz', creatorName: 'Miller', category: 'MUSIC' }),
          ],
        },
      },
      platform,
    );
    expect(result.errors).toBeUndefined();
    const [both, named] = result.data!.requestUse.items;
    expect(both).toMatchObject({ decision: 'PENDING', work: null, match: null, license: null });
    expect(both!.candidates).toEqual(
      [miller, sato].sort().map((id) => ({ work: { id }, method: 'EXACT_TITLE', score: 1 })),
    );
    expect(named).toMatchObject({
      decision: 'GRANTED_ECL',
      work: { id: miller },
      match: { method: 'EXACT_TITLE', score: 1 },
      candidates: [],
    });
    const stored = await sut.graphql<{ useRequest: { items: unknown[] } }>(
      `query ($id: ID!) { useRequest(id: $id) { ${fields} } }`,
      { id: result.data!.requestUse.id },
      platform,
    );
    expect(stored.data!.useRequest).toEqual(result.data!.requestUse);
  });

  it('should refuse a request with bad items, saying which, and record nothing', async () => {
    const result = await requestUse([
      use({ title: 'x', workId: randomUUID() }),
      use({ identifier: { scheme: 'ISWC', value: 'T-034.524.680-9' } }),
      use({ title: 'ok', to: '2026-11-01' }),
    ]);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    const problems = result.errors![0]!.extensions!.problems as string[];
    expect(problems).toEqual([
      'items[0]: give exactly one of workId, identifier or title',
      'items[1].identifier: T-034.524.680-9: ISWC check digit should be 1',
      'items[2].to: must be after from (the period is [from, to))',
    ]);
    const [row] = await sut.app
      .get(DataSource)
      .query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM "authorization"."use_requests"`,
      );
    const before = row!.count;
    await requestUse([use({ title: 'ok', to: '2026-11-01' })]);
    const [after] = await sut.app
      .get(DataSource)
      .query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM "authorization"."use_requests"`,
      );
    expect(after!.count).toBe(before);
  });

  it('should answer a repeated idempotency key with the first request, also when racing', async () => {
    const holder = await upstream.holder();
    const work = await upstream.work([holder]);
    await upstream.settled();
    const key = randomUUID();
    const items = [use({ workId: work })];
    const [a, b] = await Promise.all([
      requestUse(items, platform, key),
      requestUse(items, platform, key),
    ]);
    const again = await requestUse(items, platform, key);
    expect(a.data!.requestUse.id).toBe(b.data!.requestUse.id);
    expect(again.data!.requestUse).toEqual(a.data!.requestUse);
    const [licenses] = await sut.app
      .get(DataSource)
      .query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM "authorization"."licenses" WHERE use_request_id = $1`,
        [a.data!.requestUse.id],
      );
    expect(licenses!.count).toBe(1);
    const reused = await requestUse([use({ workId: work, expectedQuantity: 5 })], platform, key);
    expect(codeOf(reused)).toBe('CONFLICT');
    // Keys are per platform: another platform's same key is its own request.
    const other = await requestUse(items, otherPlatform, key);
    expect(other.data!.requestUse.id).not.toBe(a.data!.requestUse.id);
  });

  it('should revoke active licenses when an opt-out takes effect, and deny new requests', async () => {
    const holder = await upstream.holder();
    const work = await upstream.work([holder], { title: 'Soon Opted Out' });
    await upstream.settled();
    const granted = (await requestUse([use({ workId: work, from: '2026-11-01' })])).data!.requestUse
      .items[0]!;
    expect(granted.decision).toBe('GRANTED_ECL');
    const optOutId = await upstream.optOut(holder, { useTypes: [UseType.STREAM] });
    await upstream.settled();

    const license = await sut.graphql<{ license: ItemView['license'] }>(
      `query ($id: ID!) { license(id: $id) { id status validFrom validTo fee { amountMinor currency } revokedFrom revokedReason } }`,
      { id: granted.license!.id },
      platform,
    );
    expect(license.data!.license).toMatchObject({ status: 'REVOKED' });
    expect(license.data!.license!.revokedReason).toContain(`opt-out ${optOutId}`);
    expect(Date.parse(license.data!.license!.revokedFrom!)).toBeGreaterThan(Date.now() - 60_000);

    const next = (await requestUse([use({ workId: work, from: '2026-12-01' })])).data!.requestUse
      .items[0]!;
    expect(next.decision).toBe('DENIED_OPTED_OUT');
    const otherUse = (await requestUse([use({ workId: work, useType: 'SNS_POST' })])).data!
      .requestUse.items[0]!;
    expect(otherUse.decision).toBe('GRANTED_ECL');

    const deadline = Date.now() + 10_000;
    let types: string[] = [];
    while (types.length < 2 && Date.now() < deadline) {
      types = (
        await sut.app
          .get(DataSource)
          .query<{ type: string }[]>(
            `SELECT value->>'type' AS type FROM eventlog.events WHERE key = $1 ORDER BY "offset"`,
            [granted.license!.id],
          )
      ).map((row) => row.type);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(types).toEqual(['authorization.license.granted', 'authorization.license.revoked']);
  });

  it('should tell when a license was revoked, apart from when coverage ends, and publish what a platform needs to act', async () => {
    const holder = await upstream.holder();
    const work = await upstream.work([holder], { title: 'Scheduled Out' });
    await upstream.settled();
    const granted = (await requestUse([use({ workId: work, from: '2026-11-01' })])).data!.requestUse
      .items[0]!;
    const effectiveFrom = new Date(Date.now() + 86_400_000);
    const before = Date.now();
    const optOutId = await upstream.optOut(holder, { effectiveFrom });
    await upstream.settled();

    const license = await sut.graphql<{
      license: { status: string; revokedFrom: string; revokedAt: string };
    }>(
      `query ($id: ID!) { license(id: $id) { status revokedFrom revokedAt } }`,
      { id: granted.license!.id },
      platform,
    );
    const { status, revokedFrom, revokedAt } = license.data!.license;
    expect(status).toBe('REVOKED');
    expect(revokedFrom).toBe(effectiveFrom.toISOString());
    expect(Date.parse(revokedAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(revokedAt)).toBeLessThan(effectiveFrom.getTime());

    const [payload, ...more] = await published(
      sut,
      granted.license!.id,
      'authorization.license.revoked',
    );
    expect(more).toEqual([]);
    expect(payload).toEqual({
      licenseId: granted.license!.id,
      platformId: platform.partyId,
      revokedFrom: effectiveFrom.toISOString(),
      reason: expect.stringContaining(optOutId),
      optOutId,
      revokedAt,
      workId: work,
      useType: 'STREAM',
      territory: 'JP',
      validFrom: '2026-11-01',
      validTo: '2027-01-01',
      holderId: holder,
      optOutEffectiveFrom: effectiveFrom.toISOString(),
    });
  });

  it('should list the licenses revoked since an instant, in a stable order, each platform its own', async () => {
    const listRevoked = async (
      caller: Caller,
      since: string,
      extra: Record<string, unknown> = {},
    ) => {
      const ids: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: GraphQLResult<{
          licenses: {
            edges: { node: { id: string; revokedAt: string } }[];
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          };
        }> = await sut.graphql(
          `query ($filter: LicensesFilterInput, $after: String) {
             licenses(filter: $filter, first: 1, after: $after) {
               edges { node { id revokedAt } } pageInfo { hasNextPage endCursor } } }`,
          { filter: { revokedSince: since, ...extra }, after },
          caller,
        );
        expect(page.errors).toBeUndefined();
        for (const { node } of page.data!.licenses.edges) {
          expect(Date.parse(node.revokedAt)).toBeGreaterThanOrEqual(Date.parse(since));
          ids.push(node.id);
        }
        if (!page.data!.licenses.pageInfo.hasNextPage) return ids;
        after = page.data!.licenses.pageInfo.endCursor;
      }
    };
    const [early, mine, theirs] = [
      await upstream.holder(),
      await upstream.holder(),
      await upstream.holder(),
    ];
    const earlyWork = await upstream.work([early]);
    const myWorks = [await upstream.work([mine]), await upstream.work([mine])];
    const theirWork = await upstream.work([theirs]);
    await upstream.settled();
    const licenseOf = async (workId: string, caller: Caller) =>
      (await requestUse([use({ workId, from: '2026-11-01' })], caller)).data!.requestUse.items[0]!
        .license!.id;
    const earlyLicense = await licenseOf(earlyWork, platform);
    const myLicenses = [
      await licenseOf(myWorks[0]!, platform),
      await licenseOf(myWorks[1]!, platform),
    ].sort();
    const theirLicense = await licenseOf(theirWork, otherPlatform);
    await upstream.optOut(early);
    await upstream.settled();
    const since = new Date().toISOString();
    await upstream.optOut(mine);
    await upstream.optOut(theirs);
    await upstream.settled();

    // Both of mine were revoked in one transaction, at one instant: then by id.
    expect(await listRevoked(platform, since)).toEqual(myLicenses);
    expect(await listRevoked(platform, since, { status: 'REVOKED' })).toEqual(myLicenses);
    expect(await listRevoked(platform, since, { status: 'ACTIVE' })).toEqual([]);
    expect(await listRevoked(otherPlatform, since)).toEqual([theirLicense]);
    const everyone = await listRevoked(operator, since);
    expect(everyone).toEqual(expect.arrayContaining([...myLicenses, theirLicense]));
    expect(everyone).not.toContain(earlyLicense);
    expect(await listRevoked(platform, new Date(Date.now() + 60_000).toISOString())).toEqual([]);

    const bad = (filter: Record<string, unknown>, after?: string) =>
      sut.graphql(
        `query ($filter: LicensesFilterInput, $after: String) { licenses(filter: $filter, after: $after) { edges { cursor } } }`,
        { filter, after },
        platform,
      );
    const badInstant = await bad({ revokedSince: '2026-02-30T00:00:00Z' });
    expect(codeOf(badInstant)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(badInstant.errors)).toContain('revokedSince');
    expect(codeOf(await bad({ revokedSince: '2026-11-30' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await bad({ revokedSince: since }, cursorOf(randomUUID())))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('should keep each platform to its own requests and licenses', async () => {
    const holder = await upstream.holder();
    const work = await upstream.work([holder]);
    await upstream.settled();
    const mine = (await requestUse([use({ workId: work })])).data!.requestUse;
    const licenseId = mine.items[0]!.license!.id;
    const theirs = await sut.graphql<{ useRequest: unknown; license: unknown }>(
      `query ($r: ID!, $l: ID!) { useRequest(id: $r) { id } license(id: $l) { id } }`,
      { r: mine.id, l: licenseId },
      otherPlatform,
    );
    expect(theirs.errors?.map((error) => error.extensions?.code)).toEqual([
      'NOT_FOUND',
      'NOT_FOUND',
    ]);
    const list = async (caller: Caller) =>
      (
        await sut.graphql<{
          licenses: { edges: { node: { id: string; platform: { id: string } } }[] };
        }>(`{ licenses(first: 200) { edges { node { id platform { id } } } } }`, {}, caller)
      ).data!.licenses.edges.map((edge) => edge.node);
    expect((await list(otherPlatform)).every((l) => l.platform.id === otherPlatform.partyId)).toBe(
      true,
    );
    expect((await list(platform)).map((l) => l.id)).toContain(licenseId);
    expect((await list(operator)).map((l) => l.id)).toContain(licenseId);
    const holderCaller: Caller = { role: Role.RIGHT_HOLDER, partyId: holder };
    expect(codeOf(await requestUse([use({ workId: work })], holderCaller))).toBe('FORBIDDEN');
    expect(codeOf(await sut.graphql('{ licenses { edges { cursor } } }'))).toBe('UNAUTHENTICATED');
  });

  it('should let the operator or the society’s admin manage schemes, publicly listed', async () => {
    const other = await upstream.party(PartyKind.SOCIETY);
    await upstream.settled();
    const input = {
      societyId: society,
      category: 'MANGA',
      useTypes: ['ONLINE_READING'],
      territories: ['JP', 'WORLD'],
      rightType: 'REPRODUCTION',
      unitRateMinor: '10',
      currency: 'JPY',
      coversUnidentified: false,
    };
    const create = (caller: Caller, extra: Record<string, unknown> = {}) =>
      sut.graphql<{ createEclScheme: { id: string; revision: number } }>(
        `mutation ($input: CreateEclSchemeInput!) { createEclScheme(input: $input) { id revision } }`,
        { input: { ...input, ...extra } },
        caller,
      );
    expect(codeOf(await create({ role: Role.SOCIETY_ADMIN, partyId: other }))).toBe('FORBIDDEN');
    expect(codeOf(await create(platform))).toBe('FORBIDDEN');
    expect(codeOf(await create(operator, { societyId: randomUUID() }))).toBe('NOT_FOUND');
    expect(codeOf(await create(operator, { currency: 'XXX' }))).toBe('BAD_USER_INPUT');
    const created = await create({ role: Role.SOCIETY_ADMIN, partyId: society });
    expect(created.data!.createEclScheme.revision).toBe(1);
    const updated = await sut.graphql<{ updateEclScheme: { revision: number; unitRate: unknown } }>(
      `mutation ($input: UpdateEclSchemeInput!) { updateEclScheme(input: $input) { revision unitRate { amountMinor currency } } }`,
      {
        input: {
          schemeId: created.data!.createEclScheme.id,
          useTypes: ['ONLINE_READING'],
          territories: ['JP'],
          unitRateMinor: '12',
          currency: 'JPY',
          coversUnidentified: false,
          active: true,
        },
      },
      operator,
    );
    expect(updated.data!.updateEclScheme).toEqual({
      revision: 2,
      unitRate: { amountMinor: '12', currency: 'JPY' },
    });
    const listed = await sut.graphql<{ eclSchemes: { category: string; weights: unknown[] }[] }>(
      `query ($society: ID!) { eclSchemes(societyId: $society) { category weights { useType weight } } }`,
      { society },
    );
    expect(listed.data!.eclSchemes.map((scheme) => scheme.category)).toEqual(['MUSIC', 'MANGA']);
    expect(listed.data!.eclSchemes[0]!.weights).toEqual([
      { useType: 'STREAM', weight: 2 },
      { useType: 'SNS_POST', weight: 1 },
      { useType: 'VIDEO_POST', weight: 1 },
    ]);
  });
});

describe('licensing on a stale opt-out view', () => {
  it('should answer PENDING, never granting, while opt-out events wait too long', async () => {
    const { sut, upstream } = await setUp({ OPT_OUT_VIEW_MAX_LAG_MS: '200' });
    try {
      const holder = await upstream.holder();
      const work = await upstream.work([holder]);
      const platform: Caller = {
        role: Role.PLATFORM,
        partyId: await upstream.party(PartyKind.PLATFORM),
      };
      await upstream.settled();
      // The service stops consuming; an opt-out event arrives and waits longer than allowed.
      await sut.app.get(Messaging).beforeApplicationShutdown();
      await upstream.optOut(holder);
      await new Promise((resolve) => setTimeout(resolve, 400));
      const result = await sut.graphql<{ requestUse: { items: ItemView[] } }>(
        `mutation ($input: RequestUseInput!) { requestUse(input: $input) { items { decision reason license { id } } } }`,
        {
          input: {
            idempotencyKey: randomUUID(),
            items: [
              {
                workId: work,
                useType: 'STREAM',
                territory: 'JP',
                from: '2026-12-01',
                to: '2027-01-01',
                expectedQuantity: 1,
              },
            ],
          },
        },
        platform,
      );
      expect(result.data!.requestUse.items[0]).toMatchObject({
        decision: 'PENDING',
        license: null,
      });
    } finally {
      await sut.close();
    }
  });
});

interface DecidedRequest {
  id: string;
  items: {
    decision: string;
    decidedAt: string;
    previousDecision: string | null;
    license: { id: string } | null;
    contactHolders: { id: string }[];
  }[];
}

describe('items PENDING on a stale opt-out view', () => {
  it('should decide them again once the view is fresh, exactly once, a grant published as previously pending', async () => {
    const { sut, upstream } = await setUp({ OPT_OUT_VIEW_MAX_LAG_MS: '200' });
    const dataSource = sut.app.get(DataSource);
    const blocker = dataSource.createQueryRunner();
    try {
      const optingOut = await upstream.holder();
      const staying = await upstream.holder();
      const outWork = await upstream.work([optingOut]);
      const keptWork = await upstream.work([staying]);
      const platform: Caller = {
        role: Role.PLATFORM,
        partyId: await upstream.party(PartyKind.PLATFORM),
      };
      await upstream.settled();
      // The opt-out view cannot take the next opt-out: it waits longer than allowed.
      await blocker.connect();
      await blocker.startTransaction();
      await blocker.query(`LOCK TABLE "authorization"."ov_opt_outs" IN EXCLUSIVE MODE`);
      await upstream.optOut(optingOut);
      await new Promise((resolve) => setTimeout(resolve, 400));
      const item = (workId: string) => ({
        workId,
        useType: 'STREAM',
        territory: 'JP',
        from: '2026-12-01',
        to: '2027-01-01',
        expectedQuantity: 1,
      });
      const fields = `id items { decision reason decidedAt previousDecision license { id } contactHolders { id } }`;
      const asked = await sut.graphql<{ requestUse: DecidedRequest }>(
        `mutation ($input: RequestUseInput!) { requestUse(input: $input) { ${fields} } }`,
        { input: { idempotencyKey: randomUUID(), items: [item(outWork), item(keptWork)] } },
        platform,
      );
      expect(asked.errors).toBeUndefined();
      const request = asked.data!.requestUse;
      expect(request.items.map((i) => [i.decision, i.previousDecision, i.license])).toEqual([
        ['PENDING', null, null],
        ['PENDING', null, null],
      ]);
      // Fail closed: nothing is decided again while the view is behind.
      const redecider = sut.app.get(PendingRedecider);
      expect(await redecider.redecide()).toBe(0);

      await blocker.rollbackTransaction();
      await upstream.settled();
      // Two runs at once (and the service's own): each item is decided again once.
      await Promise.all([redecider.redecide(), redecider.redecide()]);

      const again = await sut.graphql<{ useRequest: DecidedRequest }>(
        `query ($id: ID!) { useRequest(id: $id) { ${fields} } }`,
        { id: request.id },
        platform,
      );
      const [out, kept] = again.data!.useRequest.items;
      expect(out).toMatchObject({
        decision: 'DENIED_OPTED_OUT',
        previousDecision: 'PENDING',
        license: null,
        contactHolders: [{ id: optingOut }],
      });
      expect(kept).toMatchObject({ decision: 'GRANTED_ECL', previousDecision: 'PENDING' });
      expect(Date.parse(kept!.decidedAt)).toBeGreaterThan(Date.parse(request.items[1]!.decidedAt));
      const [licenses] = await dataSource.query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM "authorization"."licenses" WHERE use_request_id = $1`,
        [request.id],
      );
      expect(licenses!.count).toBe(1);
      const grants = await published(sut, kept!.license!.id, 'authorization.license.granted');
      expect(grants).toEqual([
        expect.objectContaining({
          licenseId: kept!.license!.id,
          platformId: platform.partyId,
          useRequestId: request.id,
          workId: keptWork,
          previouslyPending: true,
        }),
      ]);
      expect(await redecider.redecide()).toBe(0);
    } finally {
      if (blocker.isTransactionActive) await blocker.rollbackTransaction();
      await blocker.release();
      await sut.close();
    }
  });
});
