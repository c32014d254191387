import { randomUUID } from 'node:crypto';
import { Tokens } from '#libs/auth';
import { Role } from '#libs/contracts';
import { graphqlAt } from './graphql.js';
import { caughtUp, eventually } from './service-processes.js';

/** Who calls, in the access matrix: anonymous, the operator, and two of every other role. */
export const WHO = [
  'ANONYMOUS',
  'OPERATOR',
  'ADMIN_A',
  'ADMIN_B',
  'HOLDER_A',
  'HOLDER_B',
  'PLATFORM_A',
  'PLATFORM_B',
] as const;
export type Who = (typeof WHO)[number];

/** Tenant A's objects, which every operation of the matrix names; and tenant B's parties. */
export interface Tenants {
  tokens: Record<Exclude<Who, 'ANONYMOUS'>, string>;
  ids: {
    societyA: string;
    societyB: string;
    holderA: string;
    holderB: string;
    platformA: string;
    platformB: string;
    workA: string;
    workB: string;
    disputeA: string;
    offerA: string;
    schemeA: string;
    optOutA: string;
    useRequestA: string;
    licenseA: string;
    apiKeyA: string;
    usageReportA: string;
    batchA: string;
    reserveA: string;
    claimA: string;
    /** Platform A's webhook endpoints: one the matrix changes, one it deletes. */
    endpointA: string;
    endpointToDeleteA: string;
    /** The test ping's delivery to endpointA. */
    deliveryA: string;
    today: string;
    from: string;
    to: string;
  };
}

interface System {
  gatewayUrl: string;
  services: { name: string; url: string }[];
}

const day = (offset: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset))
    .toISOString()
    .slice(0, 10);
};

/**
 * Two tenants set up through the gateway as their users would: societies A and B, a member of
 * each, two platforms; a work of each holder (A's with 30% unclaimed, and disputed by B), A's
 * scheme, an opt-out, a license and an API key of platform A, its usage report, and a batch of
 * society A calculated and approved, with a reserve and a claim on it by holder A; two webhook
 * endpoints of platform A and a test ping to the first.
 */
export async function setUpTenants(system: System, secret: string): Promise<Tenants> {
  const tokens = new Tokens(secret);
  const as = (role: Role, partyId: string) => tokens.issue({ role, partyId }, 3600);
  const operator = await as(Role.OPERATOR, randomUUID());
  const call = async <T>(token: string, query: string, variables: Record<string, unknown> = {}) => {
    const body = await graphqlAt<T>(system.gatewayUrl, query, variables, token);
    if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
    return body.data!;
  };
  const settled = () => Promise.all(system.services.map((service) => caughtUp(service)));
  const register = async (input: Record<string, unknown>) =>
    (
      await call<{ registerParty: { id: string } }>(
        operator,
        'mutation ($input: RegisterPartyInput!) { registerParty(input: $input) { id } }',
        { input },
      )
    ).registerParty.id;

  const societyA = await register({ kind: 'SOCIETY', name: 'Society A' });
  const societyB = await register({ kind: 'SOCIETY', name: 'Society B' });
  const holderA = await register({
    kind: 'RIGHT_HOLDER',
    name: 'Holder A',
    ipiNameNumber: '00014107338',
    country: 'JP',
    memberOfSocietyId: societyA,
  });
  const holderB = await register({
    kind: 'RIGHT_HOLDER',
    name: 'Holder B',
    memberOfSocietyId: societyB,
  });
  const platformA = await register({ kind: 'PLATFORM', name: 'Platform A' });
  const platformB = await register({ kind: 'PLATFORM', name: 'Platform B' });
  // Holder A's membership ends in a month; society A offers the next period, which A has not
  // answered yet.
  await call(
    operator,
    `mutation ($party: ID!, $society: ID!, $from: String!, $to: String!) {
      changeMembership(input: { partyId: $party, societyId: $society, memberFrom: $from, memberTo: $to }) { id }
    }`,
    { party: holderA, society: societyA, from: day(0), to: day(30) },
  );
  await settled();
  const t = {
    OPERATOR: operator,
    ADMIN_A: await as(Role.SOCIETY_ADMIN, societyA),
    ADMIN_B: await as(Role.SOCIETY_ADMIN, societyB),
    HOLDER_A: await as(Role.RIGHT_HOLDER, holderA),
    HOLDER_B: await as(Role.RIGHT_HOLDER, holderB),
    PLATFORM_A: await as(Role.PLATFORM, platformA),
    PLATFORM_B: await as(Role.PLATFORM, platformB),
  };

  await call(
    t.ADMIN_A,
    `mutation ($party: ID!, $society: ID!, $from: String!) {
      changeMembership(input: { partyId: $party, societyId: $society, memberFrom: $from }) { id }
    }`,
    { party: holderA, society: societyA, from: day(30) },
  );
  const { membershipOffers } = await call<{ membershipOffers: { id: string }[] }>(
    t.HOLDER_A,
    '{ membershipOffers { id } }',
  );
  const offerA = membershipOffers[0]!.id;

  const { createEclScheme } = await call<{ createEclScheme: { id: string } }>(
    t.ADMIN_A,
    `mutation ($society: ID!) {
      createEclScheme(input: { societyId: $society, category: MUSIC, useTypes: [STREAM],
        territories: ["JP"], rightType: MAKING_AVAILABLE, unitRateMinor: "2", currency: "JPY",
        coversUnidentified: true, weights: [{ useType: STREAM, weight: 1 }] }) { id }
    }`,
    { society: societyA },
  );
  const registerWork = async (token: string, input: Record<string, unknown>) =>
    call<{ registerWork: { id: string; openDisputes: { id: string }[] } }>(
      token,
      'mutation ($input: RegisterWorkInput!) { registerWork(input: $input) { id openDisputes { id } } }',
      { input: { category: 'MUSIC', ...input } },
    );
  const share = (holderId: string, shareBps: number) => ({
    holderId,
    rightType: 'MAKING_AVAILABLE',
    shareBps,
  });
  const workA = (
    await registerWork(t.HOLDER_A, {
      title: 'Tenant A Song',
      identifiers: [{ scheme: 'ISRC', value: 'JP-T01-26-00001' }],
      shares: [share(holderA, 7000)],
    })
  ).registerWork.id;
  const workB = (
    await registerWork(t.HOLDER_B, { title: 'Tenant B Song', shares: [share(holderB, 10_000)] })
  ).registerWork.id;
  // Holder B claims A's identifier: a dispute opens on A's work.
  const disputed = await registerWork(t.HOLDER_B, {
    title: 'Tenant A Song (claimed)',
    identifiers: [{ scheme: 'ISRC', value: 'JP-T01-26-00001' }],
    shares: [share(holderB, 10_000)],
  });
  const disputeA = disputed.registerWork.openDisputes[0]!.id;
  const { registerOptOut } = await call<{ registerOptOut: { id: string } }>(
    t.HOLDER_A,
    `mutation ($holder: ID!, $work: ID!) {
      registerOptOut(input: { holderId: $holder, scope: WORK, workId: $work, useTypes: [DOWNLOAD] }) { id }
    }`,
    { holder: holderA, work: workA },
  );
  await settled();

  const from = day(1);
  const to = day(8);
  const { requestUse } = await call<{
    requestUse: { id: string; items: { license: { id: string } | null }[] };
  }>(
    t.PLATFORM_A,
    `mutation ($input: RequestUseInput!) { requestUse(input: $input) { id items { license { id } } } }`,
    {
      input: {
        idempotencyKey: randomUUID(),
        items: [
          {
            workId: workA,
            useType: 'STREAM',
            territory: 'JP',
            from,
            to,
            expectedQuantity: 100,
          },
        ],
      },
    },
  );
  const licenseA = requestUse.items[0]!.license!.id;
  const { createApiKey } = await call<{ createApiKey: { apiKey: { id: string } } }>(
    t.PLATFORM_A,
    'mutation { createApiKey(input: { name: "matrix" }) { apiKey { id } } }',
  );
  await settled();
  const { submitUsageReport } = await call<{ submitUsageReport: { id: string } }>(
    t.PLATFORM_A,
    `mutation ($input: SubmitUsageReportInput!) { submitUsageReport(input: $input) { id } }`,
    {
      input: {
        idempotencyKey: randomUUID(),
        periodStart: from,
        periodEnd: to,
        lines: [
          {
            licenseId: licenseA,
            useType: 'STREAM',
            territory: 'JP',
            quantity: 100,
            usageDate: from,
          },
        ],
      },
    },
  );
  const { createDistributionBatch } = await call<{ createDistributionBatch: { id: string } }>(
    t.ADMIN_A,
    `mutation ($from: String!, $to: String!) {
      createDistributionBatch(input: { periodStart: $from, periodEnd: $to, category: MUSIC,
        poolAmountMinor: "1000", currency: "JPY", adminFeeBps: 0 }) { id }
    }`,
    { from, to },
  );
  const batchA = createDistributionBatch.id;
  await call(t.ADMIN_A, 'mutation ($id: ID!) { calculateDistributionBatch(id: $id) { id } }', {
    id: batchA,
  });
  await eventually(async () => {
    const { distributionBatch } = await call<{ distributionBatch: { status: string } }>(
      t.ADMIN_A,
      'query ($id: ID!) { distributionBatch(id: $id) { status } }',
      { id: batchA },
    );
    return distributionBatch.status === 'CALCULATED';
  }, 60_000);
  await call(t.ADMIN_A, 'mutation ($id: ID!) { approveDistributionBatch(id: $id) { id } }', {
    id: batchA,
  });
  const { reserves } = await call<{ reserves: { edges: { node: { id: string } }[] } }>(
    operator,
    'query ($batch: ID!) { reserves(filter: { batchId: $batch }) { edges { node { id } } } }',
    { batch: batchA },
  );
  const reserveA = reserves.edges[0]!.node.id;
  const { claimReserve } = await call<{ claimReserve: { id: string } }>(
    t.HOLDER_A,
    `mutation ($reserve: ID!, $holder: ID!) {
      claimReserve(input: { reserveId: $reserve, holderId: $holder, evidence: "my contract" }) { id }
    }`,
    { reserve: reserveA, holder: holderA },
  );
  // Platform A's webhook endpoints (the system under test allows loopback URLs) and a ping.
  const endpoint = async () =>
    (
      await call<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
        t.PLATFORM_A,
        `mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/hooks" }) { endpoint { id } } }`,
      )
    ).createWebhookEndpoint.endpoint.id;
  const endpointA = await endpoint();
  const endpointToDeleteA = await endpoint();
  const { sendWebhookTest } = await call<{ sendWebhookTest: { id: string } }>(
    t.PLATFORM_A,
    'mutation ($id: ID!) { sendWebhookTest(endpointId: $id) { id } }',
    { id: endpointA },
  );
  return {
    tokens: t,
    ids: {
      societyA,
      societyB,
      holderA,
      holderB,
      platformA,
      platformB,
      workA,
      workB,
      disputeA,
      offerA,
      schemeA: createEclScheme.id,
      optOutA: registerOptOut.id,
      useRequestA: requestUse.id,
      licenseA,
      apiKeyA: createApiKey.apiKey.id,
      usageReportA: submitUsageReport.id,
      batchA,
      reserveA,
      claimA: claimReserve.id,
      endpointA,
      endpointToDeleteA,
      deliveryA: sendWebhookTest.id,
      today: day(0),
      from,
      to,
    },
  };
}
