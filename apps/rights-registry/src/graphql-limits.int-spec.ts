import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '#libs/contracts';
import { startTestService, type TestService } from '#libs/testing';
import { rightsRegistryApp } from './rights-registry.app.js';

/** Every service refuses over-deep and over-complex operations, and clients over their rate. */
describe('GraphQL limits', () => {
  let sut: TestService;

  beforeAll(async () => {
    sut = await startTestService(rightsRegistryApp, {
      GRAPHQL_MAX_DEPTH: '2',
      GRAPHQL_MAX_COMPLEXITY: '30',
    });
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should run an operation within the limits', async () => {
    const result = await sut.graphql('{ searchWorks(query: "x") { id title } }');
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

  it('should refuse an operation selecting more fields than allowed', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: title`).join(' ');
    const result = await sut.graphql(`{ searchWorks(query: "x") { id ${aliases} } }`);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/selects \d+ fields; at most 30 are allowed/),
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
});
