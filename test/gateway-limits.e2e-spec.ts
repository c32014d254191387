import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { Tokens } from '#libs/auth';
import { GatewayConfig, loadConfig } from '#libs/config';
import { Role } from '#libs/contracts';
import { createLogger, listeningUrl } from '#libs/runtime';
import { apiKeyClientId } from '../apps/gateway/src/api-key-exchange.js';
import { startGateway } from '../apps/gateway/src/start-gateway.js';

/**
 * The gateway alone, in front of stand-ins for the five subgraphs (the supergraph from its file,
 * as in production), so each can be made unready, unavailable or unreachable at will.
 */
class FakeSubgraph {
  ready = true;
  /** How `POST /graphql` answers: data, a 503 with SERVICE_UNAVAILABLE (database down). */
  graphql: 'data' | 'unavailable' | 'driver-error' = 'data';
  graphqlCalls = 0;
  /** Usage uploads held open until released. */
  readonly held: ServerResponse[] = [];
  readonly server: Server;

  constructor() {
    this.server = createServer((request, response) => this.answer(request, response));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return this;
  }

  async stop(): Promise<void> {
    this.releaseUploads();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  releaseUploads(): void {
    for (const response of this.held.splice(0)) response.writeHead(201).end('{}');
  }

  private answer(request: IncomingMessage, response: ServerResponse): void {
    const json = (status: number, body: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (request.url === '/health/live') return json(200, { status: 'ok' });
    if (request.url === '/health/ready') return json(this.ready ? 200 : 503, {});
    if (request.url?.startsWith('/v1/usage-reports')) {
      this.held.push(response);
      return;
    }
    this.graphqlCalls += 1;
    request.resume();
    request.on('end', () => {
      if (this.graphql === 'unavailable') {
        return json(503, {
          errors: [
            { message: 'the database is unreachable', extensions: { code: 'SERVICE_UNAVAILABLE' } },
          ],
        });
      }
      if (this.graphql === 'driver-error') {
        return json(200, {
          errors: [
            {
              message: 'connect ECONNREFUSED 127.0.0.1:54321',
              path: ['searchWorks'],
              extensions: { code: 'INTERNAL_SERVER_ERROR' },
            },
          ],
          data: null,
        });
      }
      json(200, { data: { searchWorks: [] } });
    });
  }
}

/**
 * A stand-in for the identity provider: its key set, and its token endpoint, where the one
 * known API key (GOOD_API_KEY, as the secret of its client) gets an ES256 access token of the
 * platform by client credentials; any other key is invalid_client.
 */
class FakeIssuer {
  tokenRequests = 0;
  /** The `X-Forwarded-For` of each request forwarded to the interaction pages. */
  forwardedFor: (string | string[] | undefined)[] = [];
  private readonly server: Server;
  private keys!: { privateKey: Parameters<SignJWT['sign']>[0]; jwk: JWK };

  constructor() {
    this.server = createServer((request, response) => void this.answer(request, response));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get issuer(): string {
    return `${this.url}/oidc`;
  }

  async start(): Promise<this> {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    this.keys = { privateKey, jwk: { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' } };
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const json = (status: number, body: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (request.url === '/oidc/jwks') return json(200, { keys: [this.keys.jwk] });
    if (request.url?.startsWith('/interaction')) {
      this.forwardedFor.push(request.headers['x-forwarded-for']);
      return json(200, {});
    }
    if (request.url !== '/oidc/token' || request.method !== 'POST') return json(404, {});
    this.tokenRequests += 1;
    const [, basic = ''] = /^Basic (.+)$/.exec(request.headers.authorization ?? '') ?? [];
    const [clientId, secret] = Buffer.from(basic, 'base64').toString().split(':');
    if (clientId !== apiKeyClientId(GOOD_API_KEY) || secret !== GOOD_API_KEY) {
      return json(401, { error: 'invalid_client' });
    }
    const token = await new SignJWT({
      client_id: clientId,
      role: Role.PLATFORM,
      party: PLATFORM_ID,
    })
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: 'k1' })
      .setIssuer(this.issuer)
      .setAudience('urn:clearinghouse:api')
      .setSubject(clientId)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(this.keys.privateKey);
    json(200, { access_token: token, token_type: 'Bearer', expires_in: 600 });
  }
}

const NAMES = [
  'RIGHTS_REGISTRY',
  'AUTHORIZATION',
  'OPT_OUT',
  'ROYALTY_DISTRIBUTION',
  'NOTIFICATIONS',
] as const;
const SECRET = randomBytes(32).toString('hex');
const METRICS_TOKEN = randomBytes(16).toString('hex');
const GOOD_API_KEY = 'ck_known-key';
const PLATFORM_ID = randomUUID();
const tokens = new Tokens(SECRET);

describe('gateway limits and production defaults', () => {
  const fakes = {} as Record<(typeof NAMES)[number], FakeSubgraph>;
  let issuer: FakeIssuer;
  let gateway: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    for (const name of NAMES) fakes[name] = await new FakeSubgraph().start();
    issuer = await new FakeIssuer().start();
    // No NODE_ENV: the default is production.
    const config = loadConfig(GatewayConfig, {
      GATEWAY_PORT: '0',
      AUTH_JWT_SECRET: SECRET,
      METRICS_TOKEN,
      SUPERGRAPH_SOURCE: 'file',
      UPLOADS_PER_CLIENT: '1',
      API_KEY_FAILURES_PER_MINUTE: '3',
      HSTS_MAX_AGE_SECONDS: '31536000',
      IDENTITY_URL: issuer.url,
      IDENTITY_ISSUER: issuer.issuer,
      AUTH_JWKS_URI: `${issuer.issuer}/jwks`,
      ...Object.fromEntries(NAMES.map((name) => [`${name}_URL`, fakes[name].url])),
    });
    gateway = await startGateway(config, createLogger('gateway', 'silent'));
    url = listeningUrl(gateway);
  });

  afterAll(async () => {
    await gateway?.close();
    await Promise.all(Object.values(fakes).map((fake) => fake.stop()));
    await issuer?.stop();
  });

  beforeEach(() => {
    for (const fake of Object.values(fakes)) {
      fake.ready = true;
      fake.graphql = 'data';
      fake.graphqlCalls = 0;
    }
  });

  const post = async (query: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      body: JSON.parse(text) as {
        data?: unknown;
        errors?: { message: string; extensions?: Record<string, unknown> }[];
      },
    };
  };

  it('should refuse a thousand aliased searches before any reaches a subgraph', async () => {
    const aliases = Array.from(
      { length: 1000 },
      (_, i) => `s${i}: searchWorks(query: "x", first: 100) { id }`,
    );
    const answer = await post(`{ ${aliases.join(' ')} }`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]).toMatchObject({
      message:
        'the operation costs 200000 (list sizes and expensive fields counted); at most 1000 is allowed without signing in',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(fakes.RIGHTS_REGISTRY.graphqlCalls).toBe(0);
  });

  it('should give a verified caller the larger budget, and a forged token the anonymous one', async () => {
    const query = `{ ${[1, 2, 3, 4, 5, 6].map((i) => `s${i}: searchWorks(query: "x", first: 100) { id }`).join(' ')} }`;
    const platform = await tokens.issue({ role: Role.PLATFORM, partyId: randomUUID() }, 600);
    expect((await post(query, { authorization: `Bearer ${platform}` })).status).toBe(200);
    const forged = await new Tokens(randomBytes(32).toString('hex')).issue(
      { role: Role.OPERATOR, partyId: randomUUID() },
      600,
    );
    const refused = await post(query, { authorization: `Bearer ${forged}` });
    expect(refused.body.errors?.[0]?.message).toMatch(/at most 1000 is allowed without signing in/);
  });

  it('should refuse a fragment cycle as an invalid operation (400), not crash', async () => {
    const answer = await post(
      '{ searchWorks(query: "x") { ...A } } fragment A on Work { ...B } fragment B on Work { ...A }',
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/Cannot spread fragment "A" within itself/),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('should hide the schema in production: no introspection, no suggestions, no IDE', async () => {
    const introspection = await post('{ __schema { types { name } } }');
    expect(introspection.body.errors?.[0]?.message).toMatch(/introspection/i);
    const typo = await post('{ searchWork(query: "x") { id } }');
    expect(typo.status).toBe(400);
    expect(typo.text).not.toMatch(/Did you mean/);
    const page = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(html).toContain('send queries and mutations here with POST');
    expect(html).not.toMatch(/<script|__schema|graphiql/i);
  });

  it('should send security headers with every answer', async () => {
    const answer = await post('{ searchWorks(query: "x") { id } }');
    expect(answer.status).toBe(200);
    expect(Object.fromEntries(answer.headers)).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
    });
  });

  it('should serve metrics only with the metrics token', async () => {
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    const scraped = await fetch(`${url}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('http_request_duration_seconds');
  });

  it('should answer a GraphQL request over the body limit as a GraphQL refusal, not a bare 413', async () => {
    const answer = await post(`{ searchWorks(query: "${'x'.repeat(1_100_000)}") { id } }`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      {
        message:
          'the request is larger than 1 MiB, the most a GraphQL request may be; send larger reports as CSV to POST /v1/usage-reports',
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
  });

  it('should not be ready while a subgraph is not ready', async () => {
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);
    fakes.OPT_OUT.ready = false;
    // One round of probes answers for a second: the change shows within it.
    const ready = await readyAnswer(url, 503);
    expect(ready.body).toMatchObject({ error: { subgraphs: { 'opt-out': 'down' } } });
  });

  it('should answer a subgraph whose database is down with a retryable SERVICE_UNAVAILABLE (503)', async () => {
    fakes.RIGHTS_REGISTRY.graphql = 'unavailable';
    const answer = await post('{ searchWorks(query: "x") { id } }');
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('5');
    expect(answer.body.errors).toEqual([
      {
        message: expect.stringMatching(/unavailable right now.*retry/),
        extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
      },
    ]);
    expect(answer.text).not.toMatch(/127\.0\.0\.1|database is unreachable/);
  });

  it('should answer a subgraph passing on its driver’s connection failure the same way', async () => {
    fakes.RIGHTS_REGISTRY.graphql = 'driver-error';
    const answer = await post('{ searchWorks(query: "x") { id } }');
    expect(answer.body.errors?.[0]?.extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      retryable: true,
    });
    expect(answer.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    expect(answer.status).toBe(503);
  });

  it('should count uploads with an API key as the platform’s, whichever credential it uses', async () => {
    const upload = (headers: Record<string, string>) =>
      fetch(`${url}/v1/usage-reports?periodStart=2026-01-01&periodEnd=2026-02-01`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', 'idempotency-key': randomUUID(), ...headers },
        body: 'licenseId\n',
      });
    const held = fakes.ROYALTY_DISTRIBUTION.held.length;
    const first = upload({ 'x-api-key': GOOD_API_KEY });
    await waitUntil(() => fakes.ROYALTY_DISTRIBUTION.held.length === held + 1);
    // Its token and its other keys are the same client: one upload at a time here.
    expect((await upload({ 'x-api-key': GOOD_API_KEY })).status).toBe(429);
    const token = await tokens.issue({ role: Role.PLATFORM, partyId: PLATFORM_ID }, 600);
    expect((await upload({ authorization: `Bearer ${token}` })).status).toBe(429);
    const another = await tokens.issue({ role: Role.PLATFORM, partyId: randomUUID() }, 600);
    const theirs = upload({ authorization: `Bearer ${another}` });
    await waitUntil(() => fakes.ROYALTY_DISTRIBUTION.held.length === held + 2);
    fakes.ROYALTY_DISTRIBUTION.releaseUploads();
    expect((await first).status).toBe(201);
    expect((await theirs).status).toBe(201);
  });

  it('should limit failed API-key exchanges per address, before the key is checked, also when sent at once', async () => {
    const exchangesBefore = issuer.tokenRequests;
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': randomUUID() },
          body: JSON.stringify({ query: '{ searchWorks(query: "x") { id } }' }),
        }),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    for (const response of responses.filter((answer) => answer.status === 429)) {
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(((await response.json()) as { message: string }).message).toMatch(
        /too many unknown API keys from this address: at most 3 a minute; retry in \d+ s/,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429, 429, 429]);
    expect(issuer.tokenRequests).toBe(exchangesBefore + 3);
  });

  it('should count uploads with credentials that do not verify as their address, however spelt', async () => {
    const upload = (authorization: string) => {
      const controller = new AbortController();
      const response = fetch(
        `${url}/v1/usage-reports?periodStart=2026-01-01&periodEnd=2026-02-01`,
        {
          method: 'POST',
          headers: { 'content-type': 'text/csv', authorization, 'idempotency-key': randomUUID() },
          body: 'licenseId\n',
          signal: controller.signal,
        },
      );
      return { response, abort: () => controller.abort() };
    };
    const first = upload('Bearer ');
    await waitUntil(() => fakes.ROYALTY_DISTRIBUTION.held.length === 1);
    const second = await upload(`Bearer${' '.repeat(7)}x y`).response;
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toMatch(/^\d+$/);
    // Verified callers are clients of their own.
    const platform = await tokens.issue({ role: Role.PLATFORM, partyId: randomUUID() }, 600);
    const theirs = upload(`Bearer ${platform}`);
    await waitUntil(() => fakes.ROYALTY_DISTRIBUTION.held.length === 2);
    fakes.ROYALTY_DISTRIBUTION.releaseUploads();
    expect((await first.response).status).toBe(201);
    expect((await theirs.response).status).toBe(201);
  });

  it("should tell the identity app the client's address: the peer's, or the one a trusted proxy forwards", async () => {
    const claimed = { 'x-forwarded-for': '203.0.113.9' };
    await fetch(`${url}/interaction/some-uid`, { headers: claimed });
    // No proxy is trusted: a client cannot choose the address it is counted under.
    expect(issuer.forwardedFor.at(-1)).toBe('127.0.0.1');

    const behindProxy = await startGateway(
      loadConfig(GatewayConfig, {
        GATEWAY_PORT: '0',
        AUTH_JWT_SECRET: SECRET,
        SUPERGRAPH_SOURCE: 'file',
        IDENTITY_URL: issuer.url,
        IDENTITY_ISSUER: issuer.issuer,
        AUTH_JWKS_URI: `${issuer.issuer}/jwks`,
        TRUSTED_PROXIES: '127.0.0.1, ::1',
        ...Object.fromEntries(NAMES.map((name) => [`${name}_URL`, fakes[name].url])),
      }),
      createLogger('gateway', 'silent'),
    );
    try {
      await fetch(`${listeningUrl(behindProxy)}/interaction/some-uid`, { headers: claimed });
      expect(issuer.forwardedFor.at(-1)).toBe('203.0.113.9');
    } finally {
      await behindProxy.close();
    }
  });

  it('should answer an unreachable subgraph with SERVICE_UNAVAILABLE, without its address', async () => {
    await fakes.RIGHTS_REGISTRY.stop();
    const answer = await post('{ searchWorks(query: "x") { id } }');
    expect(answer.status).toBe(503);
    expect(answer.body.errors?.[0]?.extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      retryable: true,
    });
    expect(answer.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|:\d{2,5}\b|stack/i);
    expect((await readyAnswer(url, 503)).status).toBe(503);
    await fakes.ROYALTY_DISTRIBUTION.stop();
    const upload = await fetch(
      `${url}/v1/usage-reports?periodStart=2026-01-01&periodEnd=2026-02-01`,
      {
        method: 'POST',
        headers: { 'content-type': 'text/csv', 'idempotency-key': randomUUID() },
        body: 'licenseId\n',
      },
    );
    expect(upload.status).toBe(503);
    expect(await upload.text()).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
  });
});

/** The gateway's readiness answer once it has the status `status` (probes are reused for 1 s). */
async function readyAnswer(
  url: string,
  status: number,
): Promise<{ status: number; body: unknown }> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const response = await fetch(`${url}/health/ready`);
    const body: unknown = await response.json();
    if (response.status === status || Date.now() > deadline)
      return { status: response.status, body };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
