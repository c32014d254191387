import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { Tokens } from '#libs/auth';
import { Role } from '#libs/contracts';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import type { Standalone } from '../apps/standalone/src/start-standalone.js';
import { startTestStandalone } from './support/systems.js';
import { eventually } from './support/service-processes.js';

describe('gateway and subgraph security', () => {
  const secret = randomBytes(32).toString('hex');
  const tokens = new Tokens(secret);
  let database: TestDatabase;
  let sut: Standalone;
  const headers: Record<string, Record<string, string>> = { ANONYMOUS: {} };

  beforeAll(async () => {
    database = await createTestDatabase();
    sut = await startTestStandalone(database.url, {
      AUTH_JWT_SECRET: secret,
      RATE_LIMIT_PER_MINUTE: '0',
    });
    headers.OPERATOR = {
      authorization: `Bearer ${await tokens.issue({ role: Role.OPERATOR, partyId: randomUUID() }, 600)}`,
    };
  });

  afterAll(async () => {
    await sut?.stop();
    await database?.drop();
  });

  const call = async (url: string, document: string, who: 'ANONYMOUS' | 'OPERATOR') => {
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
        ...headers.OPERATOR,
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
});
