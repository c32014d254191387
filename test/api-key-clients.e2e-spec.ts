import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Fastify, { type FastifyInstance } from 'fastify';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import pg from 'pg';
import { Role } from '#libs/contracts';
import { freePort } from '#libs/database';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { authorizationDatabase } from '../apps/authorization/src/authorization.database.js';
import { acceptApiKeys } from '../apps/gateway/src/api-key-exchange.js';
import {
  startIdentityForTest,
  type RunningIdentity,
} from '../apps/identity/src/identity.testing.js';

const PLATFORM = randomUUID();
const KEY = `chk_${randomBytes(32).toString('base64url')}`;
const REVOKED = `chk_${randomBytes(32).toString('base64url')}`;
const FAILURES_PER_MINUTE = 3;

/** Keys as the authorization service stores them (its own table, SHA-256 of each key). */
async function keysIssued(url: string, keys: [string, Date | null][]): Promise<void> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    for (const [key, revokedAt] of keys) {
      await db.query(
        `INSERT INTO "authorization"."api_keys" ("id", "platform_id", "name", "prefix", "key_hash", "revoked_at") VALUES ($1, $2, 'catalogue feed', $3, $4, $5)`,
        [
          randomUUID(),
          PLATFORM,
          key.slice(0, 10),
          createHash('sha256').update(key).digest('hex'),
          revokedAt,
        ],
      );
    }
  } finally {
    await db.end();
  }
}

describe('API keys at the gateway, once keys are clients of the identity provider', () => {
  let database: TestDatabase;
  let dataDir: string;
  let identity: RunningIdentity;
  let gateway: FastifyInstance;
  let url: string;

  beforeAll(async () => {
    database = await createTestDatabase([authorizationDatabase]);
    await keysIssued(database.url, [
      [KEY, null],
      [REVOKED, new Date()],
    ]);
    dataDir = await mkdtemp(path.join(tmpdir(), 'api-key-clients-'));
    identity = await startIdentityForTest(database.url, dataDir);
    // The gateway's exchange in front of a route that verifies what it is given, as a
    // subgraph does: a token of the provider, checked against its JWKS.
    gateway = Fastify();
    acceptApiKeys(gateway, { identityIssuer: identity.issuer }, FAILURES_PER_MINUTE);
    const keys = createRemoteJWKSet(new URL(`${identity.issuer}/jwks`));
    gateway.get('/whoami', async (request, reply) => {
      const token = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
      try {
        const { payload } = await jwtVerify(token, keys, {
          issuer: identity.issuer,
          audience: 'urn:clearinghouse:api',
          typ: 'at+jwt',
        });
        return { role: payload.role, party: payload.party };
      } catch {
        return reply.code(401).send({ message: 'not a token of the provider' });
      }
    });
    url = await gateway.listen({ port: await freePort(), host: '127.0.0.1' });
  });

  afterAll(async () => {
    await gateway?.close();
    await identity?.app.close();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const whoami = (key: string) => fetch(`${url}/whoami`, { headers: { 'x-api-key': key } });

  it('should let a key issued before the change through as its platform', async () => {
    const first = await whoami(KEY);
    const again = await whoami(KEY);

    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ role: Role.PLATFORM, party: PLATFORM });
    expect(again.status).toBe(200);
  });

  it('should let a key made after the last move through at once, as its platform', async () => {
    const made = `chk_${randomBytes(32).toString('base64url')}`;
    const revokedAtOnce = `chk_${randomBytes(32).toString('base64url')}`;
    // The periodic move runs every minute: the provider carries a key it does not know over
    // when it is presented.
    await keysIssued(database.url, [
      [made, null],
      [revokedAtOnce, new Date()],
    ]);

    const response = await whoami(made);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ role: Role.PLATFORM, party: PLATFORM });
    expect((await whoami(revokedAtOnce)).status).toBe(401);
  });

  it('should refuse a revoked key and an unknown one with 401, then limit the address', async () => {
    expect((await whoami(REVOKED)).status).toBe(401);
    const unknown = await whoami(`chk_${randomBytes(32).toString('base64url')}`);
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ message: 'the API key is unknown or revoked' });

    for (let i = 0; i < FAILURES_PER_MINUTE; i += 1) {
      await whoami(`chk_${randomBytes(32).toString('base64url')}`);
    }
    const limited = await whoami(`chk_${randomBytes(32).toString('base64url')}`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('should answer 503, not let the caller through, when the provider cannot be reached', async () => {
    const closed = Fastify();
    acceptApiKeys(
      closed,
      { identityIssuer: `http://127.0.0.1:${await freePort()}/oidc` },
      FAILURES_PER_MINUTE,
    );
    closed.get('/whoami', () => ({ reached: true }));
    try {
      const response = await closed.inject({
        method: 'GET',
        url: '/whoami',
        headers: { 'x-api-key': `chk_${randomBytes(32).toString('base64url')}` },
      });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({
        statusCode: 503,
        message: 'API keys cannot be checked right now',
      });
    } finally {
      await closed.close();
    }
  });
});
