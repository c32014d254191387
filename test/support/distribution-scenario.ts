import { randomUUID } from 'node:crypto';
import { Tokens } from '#libs/auth';
import { Role } from '#libs/contracts';
import { graphqlAt } from './graphql.js';
import { caughtUp, eventually } from './service-processes.js';

/** A running system as tests start it (startTestStandalone, launchDistributed). */
export interface ScenarioSystem {
  gatewayUrl: string;
  services: { name: string; url: string }[];
}

export interface DistributionScenarioOptions {
  /**
   * Registered MUSIC works (ids) whose use the platform also reports, e.g. a work a test's
   * creator registered: their holders find them in a statement of the batch.
   */
  works?: string[];
  /** Title of the member's work, 30 % of which nobody holds (its money is UNCLAIMED). */
  memberTitle?: string;
  /** Title of the non-member's work (its money is held for that holder, NON_MEMBER). */
  nonMemberTitle?: string;
  /** A title the platform uses that matches no registered work (its money is UNIDENTIFIED). */
  unidentifiedTitle?: string;
  /**
   * A society already running an ECL scheme for music streaming in JP (e.g. the demo's, whose
   * music scheme follows PERFORMANCE shares); by default a new society and scheme (MAKING_AVAILABLE).
   */
  society?: { id: string; rightType: 'PERFORMANCE' | 'REPRODUCTION' | 'MAKING_AVAILABLE' };
}

export interface DistributionScenario {
  batchId: string;
  societyId: string;
  platformId: string;
  /** A member of the society: its money is payable. */
  memberId: string;
  /** Not a member: its money is held until it claims it. */
  nonMemberId: string;
  workIds: { member: string; nonMember: string };
  /**
   * The titles of the reserves anyone may see (the member's work with its unheld share, and the
   * unidentified title), as the unclaimed-money page lists them.
   */
  reserveTitles: string[];
}

/** Today (UTC) as YYYY-MM-DD, `offset` days on. */
const day = (offset: number) => {
  const now = new Date();
  return new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + offset * 86_400_000,
  )
    .toISOString()
    .slice(0, 10);
};

/**
 * A distribution through the public API of a running system, as its users would make one: a
 * society with an ECL scheme for music streaming, a platform, a member and a non-member with a
 * work each, the platform licensed for these works, the `works` given and an unidentified title,
 * its usage reported by CSV, and a batch created, calculated and approved by the society. After
 * it, payable money (the member's), held money (the non-member's) and reserves (unclaimed,
 * unidentified) exist.
 *
 * `secret` is the system's AUTH_JWT_SECRET: the operator, society, platform and holders act with
 * tokens issued with it, as the end-to-end tests do. Without `society` call it once per system
 * (it adds a society with a music scheme, and one music scheme per system keeps licensing plain).
 */
export async function runDistributionScenario(
  system: ScenarioSystem,
  secret: string,
  options: DistributionScenarioOptions = {},
): Promise<DistributionScenario> {
  const memberTitle = options.memberTitle ?? '夜明けのうた';
  const nonMemberTitle = options.nonMemberTitle ?? 'Blue Horizon';
  const unidentifiedTitle = options.unidentifiedTitle ?? 'ミッドナイト・ラジオ (unreleased demo)';
  const tokens = new Tokens(secret);
  const as = (role: Role, partyId: string) => tokens.issue({ role, partyId }, 3600);
  const call = async <T>(
    token: string | undefined,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> => {
    const body = await graphqlAt<T>(system.gatewayUrl, query, variables, token);
    if (body.errors?.length)
      throw new Error(`distribution scenario: ${body.errors.map((e) => e.message).join('; ')}`);
    return body.data!;
  };
  const settled = () => Promise.all(system.services.map((service) => caughtUp(service)));

  const operator = await as(Role.OPERATOR, randomUUID());
  const register = async (input: Record<string, unknown>) =>
    (
      await call<{ registerParty: { id: string } }>(
        operator,
        'mutation ($input: RegisterPartyInput!) { registerParty(input: $input) { id } }',
        { input },
      )
    ).registerParty.id;
  const rightType = options.society?.rightType ?? 'MAKING_AVAILABLE';
  const societyId =
    options.society?.id ?? (await register({ kind: 'SOCIETY', name: '分配テスト協会' }));
  const platformId = await register({ kind: 'PLATFORM', name: 'Scenario Streams' });
  const memberId = await register({
    kind: 'RIGHT_HOLDER',
    name: '鈴木 一郎',
    country: 'JP',
    memberOfSocietyId: societyId,
  });
  const nonMemberId = await register({ kind: 'RIGHT_HOLDER', name: 'Sam Lee', country: 'US' });
  await settled();

  const society = await as(Role.SOCIETY_ADMIN, societyId);
  if (!options.society)
    await call(
      society,
      `
      mutation ($society: ID!, $rightType: RightType!) {
        createEclScheme(
          input: {
            societyId: $society
            category: MUSIC
            useTypes: [STREAM]
            territories: ["JP"]
            rightType: $rightType
            unitRateMinor: "2"
            currency: "JPY"
            coversUnidentified: true
            weights: [{ useType: STREAM, weight: 1 }]
          }
        ) {
          id
        }
      }
    `,
      { society: societyId, rightType },
    );

  const registerWork = async (holder: string, title: string, shareBps: number) =>
    (
      await call<{ registerWork: { id: string } }>(
        await as(Role.RIGHT_HOLDER, holder),
        'mutation ($input: RegisterWorkInput!) { registerWork(input: $input) { id } }',
        {
          input: {
            idempotencyKey: randomUUID(),
            category: 'MUSIC',
            title,
            shares: [{ holderId: holder, rightType, shareBps }],
          },
        },
      )
    ).registerWork.id;
  const member = await registerWork(memberId, memberTitle, 7000);
  const nonMember = await registerWork(nonMemberId, nonMemberTitle, 10_000);
  await settled();

  const platform = await as(Role.PLATFORM, platformId);
  const workIds = [member, nonMember, ...(options.works ?? [])];
  const item = (what: Record<string, unknown>) => ({
    ...what,
    useType: 'STREAM',
    territory: 'JP',
    from: day(0),
    to: day(30),
    expectedQuantity: 1000,
  });
  const { requestUse } = await call<{
    requestUse: { items: { decision: string; license: { id: string } | null }[] };
  }>(
    platform,
    `
      mutation ($input: RequestUseInput!) {
        requestUse(input: $input) {
          items {
            decision
            license {
              id
            }
          }
        }
      }
    `,
    {
      input: {
        idempotencyKey: randomUUID(),
        items: [
          ...workIds.map((workId) => item({ workId })),
          item({ title: unidentifiedTitle, category: 'MUSIC' }),
        ],
      },
    },
  );
  const licenses = requestUse.items.map((granted, index) => {
    if (!granted.license)
      throw new Error(
        `distribution scenario: item ${index + 1} was not licensed (${granted.decision})`,
      );
    return granted.license.id;
  });
  await settled();

  const csv = [
    'licenseId,workId,identifier,title,useType,territory,quantity,usageDate',
    ...workIds.map((workId, index) => `${licenses[index]},${workId},,,STREAM,JP,200,${day(0)}`),
    `${licenses[workIds.length]},,,${unidentifiedTitle},STREAM,JP,100,${day(0)}`,
  ].join('\n');
  const upload = await fetch(
    `${system.gatewayUrl}/v1/usage-reports?periodStart=${day(0)}&periodEnd=${day(7)}`,
    {
      method: 'POST',
      headers: {
        authorization: `Bearer ${platform}`,
        'content-type': 'text/csv',
        'idempotency-key': `scenario-${randomUUID()}`,
      },
      body: csv,
    },
  );
  const report = (await upload.json()) as { linesRejected?: number; message?: string };
  if (upload.status !== 201 || report.linesRejected)
    throw new Error(`distribution scenario: usage report refused: ${JSON.stringify(report)}`);
  await settled();

  const { createDistributionBatch } = await call<{ createDistributionBatch: { id: string } }>(
    society,
    `
      mutation ($start: String!, $end: String!) {
        createDistributionBatch(
          input: {
            periodStart: $start
            periodEnd: $end
            category: MUSIC
            poolAmountMinor: "100000"
            currency: "JPY"
            adminFeeBps: 1000
          }
        ) {
          id
        }
      }
    `,
    { start: day(0), end: day(7) },
  );
  const batchId = createDistributionBatch.id;
  await call(society, 'mutation ($id: ID!) { calculateDistributionBatch(id: $id) { id } }', {
    id: batchId,
  });
  await eventually(async () => {
    const { distributionBatch } = await call<{
      distributionBatch: { status: string; calculation: { state: string; error: string | null } };
    }>(
      society,
      'query ($id: ID!) { distributionBatch(id: $id) { status calculation { state error } } }',
      {
        id: batchId,
      },
    );
    if (distributionBatch.calculation.state === 'FAILED')
      throw new Error(
        `distribution scenario: calculation failed: ${distributionBatch.calculation.error}`,
      );
    return distributionBatch.status === 'CALCULATED';
  }, 60_000);
  await call(society, 'mutation ($id: ID!) { approveDistributionBatch(id: $id) { status } }', {
    id: batchId,
  });
  await settled();

  return {
    batchId,
    societyId,
    platformId,
    memberId,
    nonMemberId,
    workIds: { member, nonMember },
    reserveTitles: [memberTitle, unidentifiedTitle],
  };
}
