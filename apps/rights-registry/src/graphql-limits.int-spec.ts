import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Caller } from '#libs/auth';
import { Role } from '#libs/contracts';
import { startTestService, type TestService } from '#libs/testing';
import { rightsRegistryApp } from './rights-registry.app.js';

/** Every service refuses over-deep and over-costly operations, and clients over their rate. */
describe('GraphQL limits', () => {
  let sut: TestService;

  beforeAll(async () => {
    sut = await startTestService(rightsRegistryApp, {
      GRAPHQL_MAX_DEPTH: '2',
      GRAPHQL_MAX_COMPLEXITY: '400',
      GRAPHQL_MAX_COMPLEXITY_ANONYMOUS: '150',
    });
  });

  afterAll(async () => {
    await sut?.close();
  });

  /** A caller acting for a newly registered platform. */
  const platform = async (): Promise<Caller> => {
    const registered = await sut.graphql<{ registerParty: { id: string } }>(
      'mutation { registerParty(input: { kind: PLATFORM, name: "Tube" }) { id } }',
      {},
      { role: Role.OPERATOR, partyId: randomUUID() },
    );
    return { role: Role.PLATFORM, partyId: registered.data!.registerParty.id };
  };

  it('should run an operation within the limits', async () => {
    const result = await sut.graphql('{ searchWorks(query: "x", first: 20) { id title } }');
    expect(result.errors).toBeUndefined();
  });

  it('should refuse an operation nested deeper than allowed', async () => {
    const result = await sut.graphql(
      '{ searchWorks(query: "x") { shares { holder { id name } } } }',
    );
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.message).toMatch(/exceeds maximum operation depth of 2/);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('should refuse a fragment cycle as an invalid operation (400), not crash', async () => {
    const response = await sut.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: {
        query:
          '{ searchWorks(query: "x") { ...A } } fragment A on Work { ...B } fragment B on Work { ...A }',
      },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ errors: { message: string; extensions: { code: string } }[] }>();
    expect(body.errors[0]).toMatchObject({
      message: expect.stringMatching(/Cannot spread fragment "A" within itself/),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(response.body).not.toMatch(/stacktrace|Maximum call stack/);
  });

  it('should count list sizes: a page an anonymous caller may not ask for, a signed-in one may', async () => {
    const big = '{ searchWorks(query: "x", first: 60) { id } }';
    const anonymous = await sut.graphql(big);
    expect(anonymous.data ?? null).toBeNull();
    expect(anonymous.errors?.[0]).toMatchObject({
      message:
        'the operation costs 160 (list sizes and expensive fields counted); at most 150 is allowed without signing in',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect((await sut.graphql(big, {}, await platform())).errors).toBeUndefined();
  });

  it('should refuse aliased searches over the budget, signed in too', async () => {
    const aliases = [1, 2, 3]
      .map((i) => `s${i}: searchWorks(query: "x", first: 50) { id }`)
      .join(' ');
    const result = await sut.graphql(`{ ${aliases} }`, {}, await platform());
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^the operation costs 450 .*; at most 400 is allowed$/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('rate limit', () => {
  let sut: TestService;

  beforeAll(async () => {
    sut = await startTestService(rightsRegistryApp, { RATE_LIMIT_PER_MINUTE: '5' });
  });

  afterAll(async () => {
    await sut?.close();
  });

  const post = (token?: string) =>
    sut.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      payload: { query: '{ searchWorks(query: "x") { id } }' },
    });

  it('should answer 429 with the wait once a client is over its limit, per client', async () => {
    const mine = await sut.tokenFor({ role: Role.PLATFORM, partyId: randomUUID() });
    const statuses = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await post(mine)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await post(mine);
    expect(refused.json<{ message: string }>().message).toMatch(
      /^rate limit exceeded: at most 5 requests a minute for this client; retry in \d+ s$/,
    );
    const theirs = await sut.tokenFor({ role: Role.PLATFORM, partyId: randomUUID() });
    expect((await post(theirs)).statusCode).toBe(200);
    const health = await sut.app.inject({ method: 'GET', url: '/health/live' });
    expect(health.statusCode).toBe(200);
  });

  it('should count credentials that do not verify by the client address, however they are spelt', async () => {
    const statuses = [];
    for (let spaces = 1; spaces <= 6; spaces += 1) {
      const response = await sut.app.inject({
        method: 'POST',
        url: '/graphql',
        remoteAddress: '192.0.2.7',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer${' '.repeat(spaces)}`,
        },
        payload: { query: '{ searchWorks(query: "x") { id } }' },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('metrics without a metrics token', () => {
  let sut: TestService;

  beforeAll(async () => {
    sut = await startTestService(rightsRegistryApp);
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should serve metrics to loopback clients only', async () => {
    const local = await sut.app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '127.0.0.1',
    });
    expect(local.statusCode).toBe(200);
    const remote = await sut.app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '192.0.2.7',
    });
    expect(remote.statusCode).toBe(404);
    expect(remote.body).not.toContain('http_request_duration_seconds');
  });
});
