import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildSchema } from 'graphql';
import pg from 'pg';
import { Tokens } from '#libs/auth';
import { Role } from '#libs/contracts';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import type { Standalone } from '../apps/standalone/src/start-standalone.js';
import { startTestStandalone } from './support/systems.js';
import { eventually } from './support/service-processes.js';

type Who = Role | 'ANONYMOUS';
const ANYONE: Who[] = ['ANONYMOUS', ...Object.values(Role)];
const SIGNED_IN: Who[] = Object.values(Role);
const { OPERATOR, SOCIETY_ADMIN, RIGHT_HOLDER, PLATFORM } = Role;
const id = () => `"${randomUUID()}"`;

/**
 * Who may call each operation of the public contract (DESIGN.md "Roles"), written out by hand:
 * a change of the rules is a change of this table. Arguments are valid but name nothing, so
 * an allowed caller may still get NOT_FOUND or FORBIDDEN from the use case, never from the
 * role check.
 */
const MATRIX: Record<string, { service: string; document: string; allowed: Who[] }> = {
  rightsRegistryInfo: {
    service: 'rights-registry',
    document: '{ rightsRegistryInfo { name } }',
    allowed: [OPERATOR],
  },
  party: {
    service: 'rights-registry',
    document: `{ party(id: ${id()}) { id } }`,
    allowed: SIGNED_IN,
  },
  me: { service: 'rights-registry', document: '{ me { id } }', allowed: SIGNED_IN },
  work: {
    service: 'rights-registry',
    document: `{ work(id: ${id()}) { id } }`,
    allowed: SIGNED_IN,
  },
  works: {
    service: 'rights-registry',
    document: '{ works(first: 1) { pageInfo { hasNextPage } } }',
    allowed: SIGNED_IN,
  },
  searchWorks: {
    service: 'rights-registry',
    document: '{ searchWorks(query: "x") { id } }',
    allowed: ANYONE,
  },
  registerParty: {
    service: 'rights-registry',
    document: 'mutation { registerParty(input: { kind: RIGHT_HOLDER, name: "m" }) { id } }',
    allowed: [OPERATOR, SOCIETY_ADMIN],
  },
  changeMembership: {
    service: 'rights-registry',
    document: `mutation { changeMembership(input: { partyId: ${id()}, societyId: ${id()}, memberFrom: "2026-01-01" }) { id } }`,
    allowed: [OPERATOR, SOCIETY_ADMIN],
  },
  updateParty: {
    service: 'rights-registry',
    document: `mutation { updateParty(input: { partyId: ${id()}, name: "n" }) { id } }`,
    allowed: SIGNED_IN,
  },
  registerWork: {
    service: 'rights-registry',
    document: 'mutation { registerWork(input: { title: "t", category: MUSIC }) { id } }',
    allowed: [OPERATOR, SOCIETY_ADMIN, RIGHT_HOLDER],
  },
  registerWorks: {
    service: 'rights-registry',
    document:
      'mutation { registerWorks(input: { works: [{ title: "t", category: MUSIC }] }) { id } }',
    allowed: [OPERATOR, SOCIETY_ADMIN, RIGHT_HOLDER],
  },
  updateWorkShares: {
    service: 'rights-registry',
    document: `mutation { updateWorkShares(input: { workId: ${id()}, shares: [] }) { id } }`,
    allowed: [OPERATOR, SOCIETY_ADMIN, RIGHT_HOLDER],
  },
  resolveDispute: {
    service: 'rights-registry',
    document: `mutation { resolveDispute(input: { disputeId: ${id()}, acceptClaim: false, resolution: "r" }) { id } }`,
    allowed: [OPERATOR, SOCIETY_ADMIN],
  },
  authorizationInfo: {
    service: 'authorization',
    document: '{ authorizationInfo { name } }',
    allowed: [OPERATOR],
  },
  eclSchemes: { service: 'authorization', document: '{ eclSchemes { id } }', allowed: ANYONE },
  useRequest: {
    service: 'authorization',
    document: `{ useRequest(id: ${id()}) { id } }`,
    allowed: [PLATFORM, OPERATOR],
  },
  license: {
    service: 'authorization',
    document: `{ license(id: ${id()}) { id } }`,
    allowed: [PLATFORM, OPERATOR, SOCIETY_ADMIN],
  },
  licenses: {
    service: 'authorization',
    document: '{ licenses(first: 1) { pageInfo { hasNextPage } } }',
    allowed: [PLATFORM, OPERATOR, SOCIETY_ADMIN],
  },
  apiKeys: {
    service: 'authorization',
    document: `{ apiKeys(platformId: ${id()}) { id } }`,
    allowed: [PLATFORM, OPERATOR],
  },
  createEclScheme: {
    service: 'authorization',
    document: `mutation { createEclScheme(input: { societyId: ${id()}, category: MUSIC, useTypes: [STREAM],
      territories: ["JP"], rightType: PERFORMANCE, unitRateMinor: "1", currency: "JPY", coversUnidentified: true }) { id } }`,
    allowed: [OPERATOR, SOCIETY_ADMIN],
  },
  updateEclScheme: {
    service: 'authorization',
    document: `mutation { updateEclScheme(input: { schemeId: ${id()}, useTypes: [STREAM], territories: ["JP"],
      unitRateMinor: "1", currency: "JPY", coversUnidentified: true, active: true }) { id } }`,
    allowed: [OPERATOR, SOCIETY_ADMIN],
  },
  requestUse: {
    service: 'authorization',
    document: `mutation { requestUse(input: { idempotencyKey: "${randomUUID()}", items: [{ workId: ${id()},
      useType: STREAM, territory: "JP", from: "2026-12-01", to: "2027-01-01", expectedQuantity: 1 }] }) { id } }`,
    allowed: [PLATFORM],
  },
  createApiKey: {
    service: 'authorization',
    document: `mutation { createApiKey(input: { name: "k", platformId: ${id()} }) { secret } }`,
    allowed: [PLATFORM, OPERATOR],
  },
  revokeApiKey: {
    service: 'authorization',
    document: `mutation { revokeApiKey(id: ${id()}) { id } }`,
    allowed: [PLATFORM, OPERATOR],
  },
  optOutInfo: { service: 'opt-out', document: '{ optOutInfo { name } }', allowed: [OPERATOR] },
  optOuts: {
    service: 'opt-out',
    document: `{ optOuts(holderId: ${id()}) { id } }`,
    allowed: [OPERATOR, SOCIETY_ADMIN, RIGHT_HOLDER],
  },
  optOut: {
    service: 'opt-out',
    document: `{ optOut(id: ${id()}) { id } }`,
    allowed: [OPERATOR, SOCIETY_ADMIN, RIGHT_HOLDER],
  },
  optOutRegister: {
    service: 'opt-out',
    document: '{ optOutRegister(first: 1) { pageInfo { hasNextPage } } }',
    allowed: ANYONE,
  },
  optOutStatus: {
    service: 'opt-out',
    document: `{ optOutStatus(workId: ${id()}) { optedOut } }`,
    allowed: ANYONE,
  },
  registerOptOut: {
    service: 'opt-out',
    document: `mutation { registerOptOut(input: { holderId: ${id()}, scope: ALL_WORKS }) { id } }`,
    allowed: [OPERATOR, SOCIETY_ADMIN, RIGHT_HOLDER],
  },
  withdrawOptOut: {
    service: 'opt-out',
    document: `mutation { withdrawOptOut(id: ${id()}) { id } }`,
    allowed: [OPERATOR, SOCIETY_ADMIN, RIGHT_HOLDER],
  },
  royaltyDistributionInfo: {
    service: 'royalty-distribution',
    document: '{ royaltyDistributionInfo { name } }',
    allowed: [OPERATOR],
  },
  usageReport: {
    service: 'royalty-distribution',
    document: `{ usageReport(id: ${id()}) { id } }`,
    allowed: [PLATFORM, OPERATOR],
  },
  distributionBatch: {
    service: 'royalty-distribution',
    document: `{ distributionBatch(id: ${id()}) { id } }`,
    allowed: [OPERATOR, SOCIETY_ADMIN],
  },
  statement: {
    service: 'royalty-distribution',
    document: `{ statement(batchId: ${id()}, holderId: ${id()}) { batchId } }`,
    allowed: [OPERATOR, SOCIETY_ADMIN, RIGHT_HOLDER],
  },
  reserves: {
    service: 'royalty-distribution',
    document: '{ reserves(first: 1) { pageInfo { hasNextPage } } }',
    allowed: ANYONE,
  },
  submitUsageReport: {
    service: 'royalty-distribution',
    document: `mutation { submitUsageReport(input: { idempotencyKey: "${randomUUID()}", periodStart: "2026-11-01",
      periodEnd: "2026-12-01", lines: [{ licenseId: ${id()}, useType: STREAM, territory: "JP", quantity: 1,
      usageDate: "2026-11-02" }] }) { id } }`,
    allowed: [PLATFORM],
  },
  createDistributionBatch: {
    service: 'royalty-distribution',
    document: `mutation { createDistributionBatch(input: { periodStart: "2026-11-01", periodEnd: "2026-12-01",
      category: MUSIC, currency: "JPY", adminFeeBps: 0, societyId: ${id()} }) { id } }`,
    allowed: [OPERATOR, SOCIETY_ADMIN],
  },
  calculateDistributionBatch: {
    service: 'royalty-distribution',
    document: `mutation { calculateDistributionBatch(id: ${id()}) { id } }`,
    allowed: [OPERATOR, SOCIETY_ADMIN],
  },
  approveDistributionBatch: {
    service: 'royalty-distribution',
    document: `mutation { approveDistributionBatch(id: ${id()}) { id } }`,
    allowed: [OPERATOR, SOCIETY_ADMIN],
  },
  closeDistributionBatch: {
    service: 'royalty-distribution',
    document: `mutation { closeDistributionBatch(id: ${id()}) { id } }`,
    allowed: [OPERATOR, SOCIETY_ADMIN],
  },
  claimReserve: {
    service: 'royalty-distribution',
    document: `mutation { claimReserve(input: { reserveId: ${id()}, holderId: ${id()}, evidence: "e" }) { id } }`,
    allowed: [RIGHT_HOLDER, SOCIETY_ADMIN, OPERATOR],
  },
  settleClaim: {
    service: 'royalty-distribution',
    document: `mutation { settleClaim(input: { claimId: ${id()}, approve: false }) { id } }`,
    allowed: [SOCIETY_ADMIN, OPERATOR],
  },
  releaseReserves: {
    service: 'royalty-distribution',
    document: 'mutation { releaseReserves(asOf: "2000-01-01") }',
    allowed: [OPERATOR],
  },
};

const ROLE_REFUSALS = /^(role \w+ may not |this operation needs a bearer token)/;

describe('role x operation matrix', () => {
  const secret = randomBytes(32).toString('hex');
  const tokens = new Tokens(secret);
  let database: TestDatabase;
  let sut: Standalone;
  const headers: Partial<Record<Who, Record<string, string>>> = { ANONYMOUS: {} };

  beforeAll(async () => {
    database = await createTestDatabase();
    sut = await startTestStandalone(database.url, {
      AUTH_JWT_SECRET: secret,
      RATE_LIMIT_PER_MINUTE: '0',
    });
    for (const role of Object.values(Role)) {
      headers[role] = {
        authorization: `Bearer ${await tokens.issue({ role, partyId: randomUUID() }, 600)}`,
      };
    }
  });

  afterAll(async () => {
    await sut?.stop();
    await database?.drop();
  });

  it('should list every query and mutation of the composed API', () => {
    const schema = buildSchema(readFileSync('apps/gateway/supergraph.graphql', 'utf8'), {
      assumeValidSDL: true,
    });
    const operations = [schema.getQueryType()!, schema.getMutationType()!]
      .flatMap((type) => Object.keys(type.getFields()))
      .filter((name) => !name.startsWith('_'))
      .sort();
    expect(Object.keys(MATRIX).sort()).toEqual(operations);
  });

  const call = async (url: string, document: string, who: Who) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers[who] },
      body: JSON.stringify({ query: document }),
    });
    return (await response.json()) as {
      errors?: { message: string; extensions?: { code?: string } }[];
    };
  };

  it('should ignore identity headers sent straight to a subgraph without a verifiable token', async () => {
    const registry = sut.services.find((s) => s.name === 'rights-registry')!;
    const forged = {
      'x-caller-role': 'OPERATOR',
      'x-role': 'OPERATOR',
      'x-party-id': randomUUID(),
      'x-user-id': randomUUID(),
      'x-forwarded-user': 'operator',
    };
    const response = await fetch(`${registry.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...forged },
      body: JSON.stringify({ query: '{ rightsRegistryInfo { name } }' }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('should refuse over-deep and over-complex operations at the gateway', async () => {
    const fine = await call(
      sut.gatewayUrl,
      '{ searchWorks(query: "x") { shares { holder { id } } } }',
      'ANONYMOUS',
    );
    expect(fine.errors).toBeUndefined();
    const fields = Array.from({ length: 2100 }, (_, i) => `f${i}: title`).join(' ');
    const complex = await call(
      sut.gatewayUrl,
      `{ searchWorks(query: "x") { ${fields} } }`,
      'ANONYMOUS',
    );
    expect(complex.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/costs \d+ .*; at most 1000 is allowed without signing in$/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    let selection = 'id';
    for (let level = 0; level < 7; level += 1) selection = `optOuts { work { ${selection} } }`;
    const nested = `{ searchWorks(query: "x") { ${selection} } }`;
    const tooDeep = await call(sut.gatewayUrl, nested, 'ANONYMOUS');
    expect(tooDeep.errors?.[0]?.message).toMatch(/exceeds maximum operation depth of 12/);
  });

  it('should carry the caller’s correlation id from the gateway into the events', async () => {
    const correlationId = `story-${randomUUID()}`;
    const response = await fetch(`${sut.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-correlation-id': correlationId,
        ...headers[OPERATOR],
      },
      body: JSON.stringify({
        query: 'mutation { registerParty(input: { kind: PLATFORM, name: "Traced" }) { id } }',
      }),
    });
    const { data } = (await response.json()) as { data: { registerParty: { id: string } } };
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      let found: string | undefined;
      await eventually(async () => {
        const { rows } = await client.query<{ correlation: string }>(
          `SELECT value->>'correlationId' AS correlation FROM eventlog.events WHERE key = $1`,
          [data.registerParty.id],
        );
        found = rows[0]?.correlation;
        return found !== undefined;
      });
      expect(found).toBe(correlationId);
    } finally {
      await client.end();
    }
  });

  for (const via of ['gateway', 'subgraph'] as const) {
    it(`should let exactly the allowed callers through the role check, via the ${via}`, async () => {
      const outcomes: string[] = [];
      const expected: string[] = [];
      for (const [name, { service, document, allowed }] of Object.entries(MATRIX)) {
        const url =
          via === 'gateway' ? sut.gatewayUrl : sut.services.find((s) => s.name === service)!.url;
        for (const who of ANYONE) {
          const result = await call(url, document, who);
          const refusal = result.errors?.find((error) => ROLE_REFUSALS.test(error.message));
          const code = refusal?.extensions?.code;
          outcomes.push(`${name} ${who}: ${refusal ? code : 'passes'}`);
          const allow = allowed.includes(who);
          expected.push(
            `${name} ${who}: ${allow ? 'passes' : who === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN'}`,
          );
        }
      }
      expect(outcomes).toEqual(expected);
    });
  }
});
