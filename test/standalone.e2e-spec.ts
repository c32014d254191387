import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import pg from 'pg';
import { Tokens } from '#libs/auth';
import { Role } from '#libs/contracts';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import type { Standalone } from '../apps/standalone/src/start-standalone.js';
import { eventually } from './support/service-processes.js';
import { startTestStandalone } from './support/systems.js';

const SERVICE_SCHEMAS = {
  'rights-registry': 'rights_registry',
  authorization: 'authorization',
  'opt-out': 'opt_out',
  'royalty-distribution': 'royalty_distribution',
  notifications: 'notifications',
};

const SECRET = randomBytes(32).toString('hex');
const tokens = new Tokens(SECRET);
let operator: Record<string, string>;

async function graphql(url: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return {
    response,
    body: (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] },
  };
}

describe('standalone system', () => {
  let database: TestDatabase;
  let sut: Standalone;

  /** A token of a platform registered through the gateway, once every service knows it. */
  async function registeredPlatform(): Promise<string> {
    const { body } = await graphql(
      sut.gatewayUrl,
      'mutation { registerParty(input: { kind: PLATFORM, name: "Uploader" }) { id } }',
      operator,
    );
    const partyId = (body.data!.registerParty as { id: string }).id;
    const token = await tokens.issue({ role: Role.PLATFORM, partyId }, 600);
    await eventually(async () => {
      const { body: known } = await graphql(
        sut.gatewayUrl,
        `{ licenses(first: 1) { pageInfo { hasNextPage } } usageReport(id: "${randomUUID()}") { id } }`,
        {
          authorization: `Bearer ${token}`,
        },
      );
      return !(known.errors as { extensions?: { code?: string } }[] | undefined)?.some(
        (error) => error.extensions?.code === 'UNAUTHENTICATED',
      );
    });
    return token;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    operator = {
      authorization: `Bearer ${await tokens.issue({ role: Role.OPERATOR, partyId: randomUUID() }, 600)}`,
    };
    sut = await startTestStandalone(database.url, {
      AUTH_JWT_SECRET: SECRET,
      // The production path: the supergraph composed at build time, not introspection.
      SUPERGRAPH_SOURCE: 'file',
    });
  });

  afterAll(async () => {
    await sut?.stop();
    await database?.drop();
  });

  it('should report every service and the gateway ready, with the reason', async () => {
    for (const { url } of [...sut.services, { url: sut.gatewayUrl }]) {
      const live = await fetch(`${url}/health/live`);
      expect(live.status).toBe(200);
      const ready = await fetch(`${url}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ok' });
    }
    for (const { url } of sut.services) {
      const details = (await (await fetch(`${url}/health/ready`)).json()) as {
        details: { messaging: { transport: string; outboxPending: number } };
      };
      expect(details.details.messaging).toMatchObject({ transport: 'postgres', outboxPending: 0 });
    }
    const gatewayReady = (await (await fetch(`${sut.gatewayUrl}/health/ready`)).json()) as {
      details: { subgraphs: Record<string, string> };
    };
    expect(gatewayReady.details.subgraphs).toMatchObject({
      'rights-registry': 'up',
      authorization: 'up',
      'opt-out': 'up',
      'royalty-distribution': 'up',
      notifications: 'up',
    });
  });

  it('should compose the five subgraphs behind the gateway', async () => {
    const { response, body } = await graphql(
      sut.gatewayUrl,
      '{ rightsRegistryInfo { name schema } authorizationInfo { name schema } optOutInfo { name schema } royaltyDistributionInfo { name schema } notificationsInfo { name schema } }',
      operator,
    );
    expect(response.status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      rightsRegistryInfo: { name: 'rights-registry', schema: 'rights_registry' },
      authorizationInfo: { name: 'authorization', schema: 'authorization' },
      optOutInfo: { name: 'opt-out', schema: 'opt_out' },
      royaltyDistributionInfo: { name: 'royalty-distribution', schema: 'royalty_distribution' },
      notificationsInfo: { name: 'notifications', schema: 'notifications' },
    });
  });

  it('should serve each subgraph with its federation SDL', async () => {
    for (const { url } of sut.services) {
      // Straight at a subgraph, the SDL is for the gateway and the operator.
      const { body } = await graphql(url, '{ _service { sdl } }', operator);
      expect((body.data?._service as { sdl: string }).sdl).toContain(
        '@link(url: "https://specs.apollo.dev/federation/v2',
      );
    }
  });

  it('should keep each service in its own schema, the event log in its own, and nothing in public', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ schema: string; table: string }>(
        `SELECT table_schema AS schema, table_name AS table FROM information_schema.tables
          WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`,
      );
      for (const schema of Object.values(SERVICE_SCHEMAS)) {
        for (const table of ['migrations', 'outbox', 'inbox'])
          expect(rows).toContainEqual({ schema, table });
      }
      expect(rows).toContainEqual({ schema: 'eventlog', table: 'events' });
      const topics = await client.query<{ name: string }>(
        'SELECT name FROM eventlog.topics ORDER BY name',
      );
      expect(topics.rows.map((row) => row.name)).toEqual(
        expect.arrayContaining([
          'registry.party.v1',
          'registry.party.v1.dlq',
          'registry.work.v1',
          'optout.optout.v1',
          'authorization.license.v1',
          'distribution.batch.v1',
          'distribution.usage-report.v1',
        ]),
      );
      expect(rows.filter((row) => row.schema === 'public')).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('should echo a caller request id and pass it and the correlation id to the subgraphs', async () => {
    const { response } = await graphql(sut.gatewayUrl, '{ optOutInfo { name } }', {
      ...operator,
      'x-request-id': 'e2e-request-1',
      'x-correlation-id': 'e2e-correlation-1',
    });
    expect(response.headers.get('x-request-id')).toBe('e2e-request-1');
    expect(response.headers.get('x-correlation-id')).toBe('e2e-correlation-1');

    const generated = await fetch(`${sut.gatewayUrl}/health/live`);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(generated.headers.get('x-correlation-id')).toBe(generated.headers.get('x-request-id'));
  });

  it('should expose Prometheus metrics per service', async () => {
    await fetch(`${sut.services[0]!.url}/health/live`);
    const response = await fetch(`${sut.services[0]!.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(
      /http_request_duration_seconds_count\{service="rights-registry",method="GET",route="\/health\/live",status_code="200"\} [1-9]/,
    );
    expect(text).toContain('process_cpu_user_seconds_total{service="rights-registry"}');
  });

  it('should refuse operator queries to anonymous, wrong-role, forged and expired callers, at the gateway and in each subgraph', async () => {
    const platform = await registeredPlatform();
    const forged = await new Tokens(randomBytes(32).toString('hex')).issue(
      { role: Role.OPERATOR, partyId: 'x' },
      600,
    );
    const expired = await new SignJWT({ role: Role.OPERATOR })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer('clearinghouse')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(new TextEncoder().encode(SECRET));
    const cases: [Record<string, string>, string][] = [
      [{}, 'UNAUTHENTICATED'],
      [{ authorization: `Bearer ${platform}` }, 'FORBIDDEN'],
      [{ authorization: `Bearer ${forged}` }, 'UNAUTHENTICATED'],
      [{ authorization: `Bearer ${expired}` }, 'UNAUTHENTICATED'],
      [{ authorization: 'Basic b3BlcmF0b3I6b3BlcmF0b3I=' }, 'UNAUTHENTICATED'],
    ];
    const rightsRegistry = sut.services.find((service) => service.name === 'rights-registry')!;
    for (const url of [sut.gatewayUrl, rightsRegistry.url]) {
      for (const [headers, code] of cases) {
        const { body } = await graphql(url, '{ rightsRegistryInfo { name } }', headers);
        expect({
          url,
          headers,
          code: (body.errors?.[0] as { extensions?: { code?: string } })?.extensions?.code,
        }).toEqual({
          url,
          headers,
          code,
        });
        expect(body.data?.rightsRegistryInfo ?? null).toBeNull();
      }
    }
  });

  it('should let a platform call with an API key it created, and refuse unknown and revoked keys', async () => {
    const registered = await graphql(
      sut.gatewayUrl,
      'mutation { registerParty(input: { kind: PLATFORM, name: "Keyed Platform" }) { id } }',
      operator,
    );
    const platformId = (registered.body.data!.registerParty as { id: string }).id;
    const asPlatform = {
      authorization: `Bearer ${await tokens.issue({ role: Role.PLATFORM, partyId: platformId }, 600)}`,
    };
    const create = () =>
      graphql(
        sut.gatewayUrl,
        'mutation { createApiKey(input: { name: "uploader" }) { secret apiKey { id prefix } } }',
        asPlatform,
      );
    // The authorization service learns of the platform from the registry's events.
    let created!: Awaited<ReturnType<typeof create>>;
    await eventually(async () => {
      created = await create();
      return created.body.errors === undefined;
    });
    const { secret, apiKey } = created.body.data!.createApiKey as {
      secret: string;
      apiKey: { id: string; prefix: string };
    };
    expect(secret.startsWith(apiKey.prefix)).toBe(true);

    const listed = await graphql(sut.gatewayUrl, '{ licenses { edges { cursor } } }', {
      'x-api-key': secret,
    });
    expect(listed.response.status).toBe(200);
    expect(listed.body.errors).toBeUndefined();
    const unknown = await graphql(sut.gatewayUrl, '{ licenses { edges { cursor } } }', {
      'x-api-key': 'chk_not-a-key',
    });
    expect(unknown.response.status).toBe(401);
    // The gateway's HTTP routes take the key too: a usage file sent through it reaches the service.
    const upload = await fetch(
      `${sut.gatewayUrl}/v1/usage-reports?periodStart=2026-11-01&periodEnd=2026-12-01`,
      {
        method: 'POST',
        headers: { 'x-api-key': secret, 'content-type': 'text/csv', 'idempotency-key': 'keyed-1' },
        body: 'licenseId,workId,identifier,title,useType,territory,quantity,usageDate\n',
      },
    );
    // Past the key (not 401), the service read the file: it has no lines.
    expect(upload.status).toBe(400);
    expect(await upload.json()).toMatchObject({ message: 'the report has no lines' });

    await graphql(
      sut.gatewayUrl,
      `mutation { revokeApiKey(id: "${apiKey.id}") { revokedAt } }`,
      asPlatform,
    );
    const authorization = sut.services.find((service) => service.name === 'authorization')!;
    const exchange = await fetch(`${authorization.url}/v1/api-keys/token`, {
      method: 'POST',
      headers: { 'x-api-key': secret },
    });
    expect(exchange.status).toBe(401);
  });

  it('should forward the usage and export routes to their service, which checks the caller', async () => {
    const anonymous = await fetch(
      `${sut.gatewayUrl}/v1/usage-reports?periodStart=2026-11-01&periodEnd=2026-12-01`,
      {
        method: 'POST',
        headers: { 'content-type': 'text/csv', 'x-correlation-id': 'e2e-forwarded-1' },
        body: 'licenseId\n',
      },
    );
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('x-correlation-id')).toBe('e2e-forwarded-1');
    const wrongRole = await fetch(
      `${sut.gatewayUrl}/v1/usage-reports?periodStart=2026-11-01&periodEnd=2026-12-01`,
      {
        method: 'POST',
        headers: { ...operator, 'content-type': 'text/csv', 'idempotency-key': 'k' },
        body: 'licenseId\n',
      },
    );
    expect(wrongRole.status).toBe(403);
    expect(await wrongRole.json()).toMatchObject({ message: 'only platforms report usage' });
    // A file larger than the GraphQL body limit is streamed through, not refused for its size.
    const platformToken = `Bearer ${await registeredPlatform()}`;
    const lines = Array.from(
      { length: 20_000 },
      (_, index) => `${randomUUID()},,,,STREAM,JP,${index + 1},2026-11-15`,
    );
    const big = await fetch(
      `${sut.gatewayUrl}/v1/usage-reports?periodStart=2026-11-01&periodEnd=2026-12-01`,
      {
        method: 'POST',
        headers: {
          authorization: platformToken,
          'content-type': 'text/csv',
          'idempotency-key': 'big-1',
        },
        body: [
          'licenseId,workId,identifier,title,useType,territory,quantity,usageDate',
          ...lines,
        ].join('\n'),
      },
    );
    expect(big.status).toBe(201);
    const bigReport = (await big.json()) as { id: string };
    expect(bigReport).toMatchObject({ linesAccepted: 0, linesRejected: 20_000 });
    // Every rejected line, not only the first 1,000 the answer lists, at the path the
    // report's event gives.
    const rejected = await fetch(`${sut.gatewayUrl}/v1/usage-reports/${bigReport.id}/errors.csv`, {
      headers: { authorization: platformToken },
    });
    expect(rejected.status).toBe(200);
    const rejectedLines = (await rejected.text()).trimEnd().split('\n');
    expect(rejectedLines).toHaveLength(20_001);
    expect(rejectedLines[20_000]).toMatch(/^20001,licenseId: no license /);
    const notTheirs = await fetch(`${sut.gatewayUrl}/v1/usage-reports/${bigReport.id}/errors.csv`, {
      headers: { authorization: `Bearer ${await registeredPlatform()}` },
    });
    expect(notTheirs.status).toBe(404);
    const missing = await fetch(
      `${sut.gatewayUrl}/v1/distribution-batches/${randomUUID()}/allocations.csv`,
      { headers: operator },
    );
    expect(missing.status).toBe(404);
  });

  it('should let a client upload at most two usage files at once', async () => {
    const platform = `Bearer ${await registeredPlatform()}`;
    const header = 'licenseId,workId,identifier,title,useType,territory,quantity,usageDate\n';
    const upload = (body: string | ReadableStream<Uint8Array>) =>
      fetch(`${sut.gatewayUrl}/v1/usage-reports?periodStart=2026-11-01&periodEnd=2026-12-01`, {
        method: 'POST',
        headers: {
          authorization: platform,
          'content-type': 'text/csv',
          'idempotency-key': randomUUID(),
        },
        body,
        duplex: 'half',
      });
    // Two uploads still streaming: their files are not finished yet.
    const streams = [0, 1].map(() => {
      let finish!: () => void;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(header));
          finish = () => controller.close();
        },
      });
      return { response: upload(body), finish: () => finish() };
    });
    await eventually(async () => (await upload(header)).status === 429);
    const refused = await upload(header);
    expect(await refused.json()).toMatchObject({
      message: 'at most 2 uploads at a time for this client; retry when one has finished',
    });

    for (const stream of streams) stream.finish();
    for (const stream of streams) expect((await stream.response).status).toBe(400);
    // Both finished: the client may upload again.
    await eventually(async () => (await upload(header)).status === 400);
  });

  it('should reject a request body over the configured limit', async () => {
    const response = await fetch(`${sut.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ optOutInfo { name } } # ${'x'.repeat(1_100_000)}` }),
    });
    // Refused as GraphQL (400, BAD_USER_INPUT), not with a bare 413.
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT' } }],
    });
  });
});
