import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify, type JWTPayload } from 'jose';
import * as client from 'openid-client';
import pg from 'pg';
import pino from 'pino';
import { Role } from '#libs/contracts';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { startIdentityForTest, type RunningIdentity } from '../identity.testing.js';
import { ImportApiKeysHandler } from './import-api-keys/import-api-keys.handler.js';
import { ClientClock } from './infrastructure/client-clock.js';
import { ClientAuditEntity } from './infrastructure/client-audit.entity.js';
import { ClientSecretEntity } from './infrastructure/client-secret.entity.js';

const RESOURCE = 'urn:clearinghouse:api';
const PLATFORM_A = randomUUID();
const PLATFORM_B = randomUUID();
const HOLDER = randomUUID();

/** Configured clients whose tokens call the management API, one per kind of caller. */
const staticClient = (client_id: string, role: Role, party?: string) => ({
  client_id,
  client_secret: randomBytes(24).toString('hex'),
  grant_types: ['client_credentials'],
  response_types: [],
  redirect_uris: [],
  role,
  ...(party ? { party } : {}),
});
const STAFF_A = staticClient('staff-a', Role.PLATFORM, PLATFORM_A);
const STAFF_B = staticClient('staff-b', Role.PLATFORM, PLATFORM_B);
const OPERATOR = staticClient('operator', Role.OPERATOR);
const HOLDER_CLIENT = staticClient('holder', Role.RIGHT_HOLDER, HOLDER);

/** API keys the authorization service had before clients existed. */
const LIVE_KEY = `chk_${randomBytes(32).toString('base64url')}`;
const REVOKED_KEY = `chk_${randomBytes(32).toString('base64url')}`;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const keyClientId = (key: string) => `apikey-${sha256(key).slice(0, 32)}`;

/** Runs SQL on the test database as the authorization service would write its own table. */
async function onDatabase(url: string, work: (db: pg.Client) => Promise<unknown>): Promise<void> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    await work(db);
  } finally {
    await db.end();
  }
}

const issueKey = (db: pg.Client, key: string, revokedAt: Date | null) =>
  db.query(
    `INSERT INTO "authorization"."api_keys" ("id", "platform_id", "name", "prefix", "key_hash", "revoked_at") VALUES ($1, $2, 'feed', $3, $4, $5)`,
    [randomUUID(), PLATFORM_A, key.slice(0, 10), sha256(key), revokedAt],
  );

function seedApiKeys(url: string): Promise<void> {
  return onDatabase(url, async (db) => {
    await db.query(`CREATE SCHEMA "authorization"`);
    await db.query(
      `CREATE TABLE "authorization"."api_keys" ("id" uuid NOT NULL PRIMARY KEY, "platform_id" uuid NOT NULL, "name" text NOT NULL, "prefix" text NOT NULL, "key_hash" text NOT NULL UNIQUE, "created_at" timestamptz NOT NULL DEFAULT now(), "revoked_at" timestamptz)`,
    );
    await issueKey(db, LIVE_KEY, null);
    await issueKey(db, REVOKED_KEY, new Date());
  });
}

describe('platform clients', () => {
  let database: TestDatabase;
  let dataDir: string;
  let running: RunningIdentity;
  let api: string;
  const tokens = new Map<string, string>();
  /** Every line the service logged (at trace level), and every secret it showed. */
  const logged: string[] = [];
  const shown = new Set<string>([LIVE_KEY, REVOKED_KEY]);

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedApiKeys(database.url);
    dataDir = await mkdtemp(path.join(tmpdir(), 'identity-clients-'));
    const logger = pino(
      { level: 'trace' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          logged.push(chunk.toString('utf8'));
          done();
        },
      }),
    );
    running = await startIdentityForTest(
      database.url,
      dataDir,
      { IDENTITY_CLIENTS: JSON.stringify([STAFF_A, STAFF_B, OPERATOR, HOLDER_CLIENT]) },
      logger,
    );
    api = `${new URL(running.issuer).origin}/v1/clients`;
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  afterAll(async () => {
    await running?.app.close();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  function discover(clientId: string, auth: client.ClientAuth): Promise<client.Configuration> {
    return client.discovery(new URL(running.issuer), clientId, undefined, auth, {
      execute: [client.allowInsecureRequests],
    });
  }

  async function tokenWith(clientId: string, auth: client.ClientAuth): Promise<string> {
    const sut = await discover(clientId, auth);
    return (await client.clientCredentialsGrant(sut, { resource: RESOURCE })).access_token;
  }

  /** The error the token endpoint answers (openid-client throws it), or undefined. */
  async function refusal(clientId: string, auth: client.ClientAuth): Promise<string | undefined> {
    try {
      await tokenWith(clientId, auth);
      return undefined;
    } catch (error) {
      // A client_secret_basic client is refused with a WWW-Authenticate challenge that names it.
      const { error: code, cause } = error as {
        error?: string;
        cause?: { parameters?: { error?: string } }[];
      };
      return (
        code ?? (Array.isArray(cause) ? cause[0]?.parameters?.error : undefined) ?? String(error)
      );
    }
  }

  async function bearer(caller: { client_id: string; client_secret: string }): Promise<string> {
    let token = tokens.get(caller.client_id);
    if (!token) {
      token = await tokenWith(caller.client_id, client.ClientSecretBasic(caller.client_secret));
      tokens.set(caller.client_id, token);
    }
    return token;
  }

  async function call(
    caller: { client_id: string; client_secret: string } | undefined,
    method: string,
    suffix = '',
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${api}${suffix}`, {
      method,
      headers: {
        ...(caller ? { authorization: `Bearer ${await bearer(caller)}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const secret = (JSON.parse(text || '{}') as { clientSecret?: string }).clientSecret;
    if (secret) shown.add(secret);
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
  }

  async function verified(token: string): Promise<JWTPayload> {
    const { payload } = await jwtVerify(
      token,
      createRemoteJWKSet(new URL(`${running.issuer}/jwks`)),
      { issuer: running.issuer, audience: RESOURCE, typ: 'at+jwt' },
    );
    return payload;
  }

  async function createSecretClient(
    method = 'client_secret_basic',
  ): Promise<{ clientId: string; secret: string }> {
    const created = await call(STAFF_A, 'POST', '', {
      name: 'catalogue sync',
      tokenEndpointAuthMethod: method,
    });
    expect(created.status).toBe(201);
    return { clientId: String(created.body.clientId), secret: String(created.body.clientSecret) };
  }

  it('should give a created client a token of its platform by client credentials (client_secret_basic)', async () => {
    const { clientId, secret } = await createSecretClient();
    expect(secret).toMatch(/^chs_/);

    const payload = await verified(await tokenWith(clientId, client.ClientSecretBasic(secret)));

    expect(payload).toMatchObject({
      iss: running.issuer,
      aud: RESOURCE,
      client_id: clientId,
      sub: clientId,
      role: Role.PLATFORM,
      party: PLATFORM_A,
    });
  });

  it('should take the secret in the body for a client_secret_post client', async () => {
    const { clientId, secret } = await createSecretClient('client_secret_post');

    const payload = await verified(await tokenWith(clientId, client.ClientSecretPost(secret)));

    expect(payload).toMatchObject({ client_id: clientId, role: Role.PLATFORM, party: PLATFORM_A });
  });

  it('should store the secret only hashed', async () => {
    const { clientId, secret } = await createSecretClient();

    const stored = await running.dataSource.manager.findBy(ClientSecretEntity, { clientId });

    expect(stored).toHaveLength(1);
    expect(stored[0]!.hash).toMatch(/^scrypt\$/);
    expect(stored[0]!.hash).not.toContain(secret);
    expect(JSON.stringify(await call(STAFF_A, 'GET'))).not.toContain(secret);
  });

  it('should refuse a wrong secret', async () => {
    const { clientId } = await createSecretClient();

    expect(await refusal(clientId, client.ClientSecretBasic('chs_guess'))).toBe('invalid_client');
  });

  it('should give a private_key_jwt client a token when it signs with its registered key', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const created = await call(STAFF_A, 'POST', '', {
      name: 'signing machine',
      tokenEndpointAuthMethod: 'private_key_jwt',
      jwk: await exportJWK(publicKey),
    });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('clientSecret');
    const clientId = String(created.body.clientId);

    const payload = await verified(await tokenWith(clientId, client.PrivateKeyJwt(privateKey)));

    expect(payload).toMatchObject({ client_id: clientId, role: Role.PLATFORM, party: PLATFORM_A });
    const other = await generateKeyPair('ES256');
    expect(await refusal(clientId, client.PrivateKeyJwt(other.privateKey))).toBe('invalid_client');
  });

  it('should refuse a private key offered as the registered key', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });

    const created = await call(STAFF_A, 'POST', '', {
      name: 'careless',
      tokenEndpointAuthMethod: 'private_key_jwt',
      jwk: await exportJWK(privateKey),
    });

    expect(created.status).toBe(400);
    expect(created.body.message).toBe(
      'jwk must be the public key only: never send the private key',
    );
  });

  it('should answer a repeated create with the same Idempotency-Key with the same client, once', async () => {
    const key = randomUUID();
    const request = { name: 'retried', tokenEndpointAuthMethod: 'client_secret_basic' };

    const first = await call(STAFF_A, 'POST', '', request, { 'idempotency-key': key });
    const again = await call(STAFF_A, 'POST', '', request, { 'idempotency-key': key });
    const other = await call(STAFF_A, 'POST', '', { name: 'other' }, { 'idempotency-key': key });

    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.clientId).toBe(first.body.clientId);
    expect(again.body).not.toHaveProperty('clientSecret');
    expect(other.status).toBe(409);
    const listed = await call(STAFF_A, 'GET');
    const named = (listed.body.clients as { name: string }[]).filter((c) => c.name === 'retried');
    expect(named).toHaveLength(1);
  });

  it('should keep the old secret working for the grace period after a rotation, and not after', async () => {
    const { clientId, secret: old } = await createSecretClient();
    const clock = running.app.get(ClientClock);
    const start = Date.now();

    const rotated = await call(STAFF_A, 'POST', `/${clientId}/rotate-secret`);
    expect(rotated.status).toBe(200);
    const fresh = String(rotated.body.clientSecret);
    expect(fresh).not.toBe(old);
    expect(
      new Date(String(rotated.body.previousSecretValidUntil)).getTime() - start,
    ).toBeGreaterThanOrEqual(24 * 3600_000 - 60_000);

    jest.spyOn(clock, 'now').mockReturnValue(new Date(start + 23 * 3600_000));
    expect(await refusal(clientId, client.ClientSecretBasic(old))).toBeUndefined();
    expect(await refusal(clientId, client.ClientSecretBasic(fresh))).toBeUndefined();

    jest.spyOn(clock, 'now').mockReturnValue(new Date(start + 25 * 3600_000));
    expect(await refusal(clientId, client.ClientSecretBasic(old))).toBe('invalid_client');
    expect(await refusal(clientId, client.ClientSecretBasic(fresh))).toBeUndefined();
  });

  it('should not show, rotate or delete another platform’s client (404)', async () => {
    const { clientId, secret } = await createSecretClient();

    const rotate = await call(STAFF_B, 'POST', `/${clientId}/rotate-secret`);
    const remove = await call(STAFF_B, 'DELETE', `/${clientId}`);
    const listed = await call(STAFF_B, 'GET');
    const named = await call(STAFF_B, 'GET', `?party=${PLATFORM_A}`);
    const createFor = await call(STAFF_B, 'POST', '', { name: 'x', party: PLATFORM_A });

    expect(rotate).toMatchObject({ status: 404, body: { message: `no client ${clientId}` } });
    expect(remove.status).toBe(404);
    expect(listed.status).toBe(200);
    expect((listed.body.clients as { clientId: string }[]).map((c) => c.clientId)).not.toContain(
      clientId,
    );
    expect(named.status).toBe(404);
    expect(createFor.status).toBe(404);
    expect(await refusal(clientId, client.ClientSecretBasic(secret))).toBeUndefined();
  });

  it('should refuse callers that are not platform staff or the operator', async () => {
    const holder = await call(HOLDER_CLIENT, 'GET');
    const anonymous = await call(undefined, 'GET');
    const forged = await fetch(api, { headers: { authorization: 'Bearer not.a.token' } });

    expect(holder).toMatchObject({
      status: 403,
      body: { message: 'only platform staff and the operator manage platform clients' },
    });
    expect(anonymous.status).toBe(401);
    expect(forged.status).toBe(401);
  });

  it('should let the operator manage any platform’s clients, naming the platform', async () => {
    const { clientId } = await createSecretClient();

    const all = await call(OPERATOR, 'GET');
    const unnamed = await call(OPERATOR, 'POST', '', { name: 'for whom?' });
    const created = await call(OPERATOR, 'POST', '', { name: 'for B', party: PLATFORM_B });
    const rotated = await call(OPERATOR, 'POST', `/${clientId}/rotate-secret`);

    expect((all.body.clients as { clientId: string }[]).map((c) => c.clientId)).toContain(clientId);
    expect(unnamed.status).toBe(400);
    expect(created).toMatchObject({ status: 201, body: { party: PLATFORM_B } });
    expect(rotated.status).toBe(200);
  });

  it('should stop a deleted client at once, and take a repeated delete', async () => {
    const { clientId, secret } = await createSecretClient();

    const first = await call(STAFF_A, 'DELETE', `/${clientId}`);
    const again = await call(STAFF_A, 'DELETE', `/${clientId}`);

    expect(first.status).toBe(204);
    expect(again.status).toBe(204);
    expect(await refusal(clientId, client.ClientSecretBasic(secret))).toBe('invalid_client');
    expect((await call(STAFF_A, 'POST', `/${clientId}/rotate-secret`)).status).toBe(404);
  });

  it('should write who created, rotated and deleted a client', async () => {
    const { clientId } = await createSecretClient();
    await call(STAFF_A, 'POST', `/${clientId}/rotate-secret`);
    await call(OPERATOR, 'DELETE', `/${clientId}`);

    const audit = await running.dataSource.manager.find(ClientAuditEntity, {
      where: { clientId },
      order: { at: 'ASC' },
    });

    expect(
      audit.map(({ action, actorSubject, actorRole, actorParty, partyId }) => ({
        action,
        actorSubject,
        actorRole,
        actorParty,
        partyId,
      })),
    ).toEqual([
      {
        action: 'CREATED',
        actorSubject: 'staff-a',
        actorRole: 'PLATFORM',
        actorParty: PLATFORM_A,
        partyId: PLATFORM_A,
      },
      {
        action: 'SECRET_ROTATED',
        actorSubject: 'staff-a',
        actorRole: 'PLATFORM',
        actorParty: PLATFORM_A,
        partyId: PLATFORM_A,
      },
      {
        action: 'DELETED',
        actorSubject: 'operator',
        actorRole: 'OPERATOR',
        actorParty: null,
        partyId: PLATFORM_A,
      },
    ]);
  });

  it('should refuse a bad request with a sentence', async () => {
    const noName = await call(STAFF_A, 'POST', '', {
      tokenEndpointAuthMethod: 'client_secret_basic',
    });
    const method = await call(STAFF_A, 'POST', '', { name: 'x', tokenEndpointAuthMethod: 'none' });
    const noKey = await call(STAFF_A, 'POST', '', {
      name: 'x',
      tokenEndpointAuthMethod: 'private_key_jwt',
    });

    expect(noName).toMatchObject({
      status: 400,
      body: { message: 'name is required (1 to 200 characters)' },
    });
    expect(method.status).toBe(400);
    expect(String(method.body.message)).toContain('tokenEndpointAuthMethod must be one of');
    expect(noKey.status).toBe(400);
  });

  it('should have made each API key a client of its platform, the key its secret', async () => {
    const payload = await verified(
      await tokenWith(keyClientId(LIVE_KEY), client.ClientSecretBasic(LIVE_KEY)),
    );

    expect(payload).toMatchObject({
      client_id: keyClientId(LIVE_KEY),
      role: Role.PLATFORM,
      party: PLATFORM_A,
    });
    expect(await refusal(keyClientId(REVOKED_KEY), client.ClientSecretBasic(REVOKED_KEY))).toBe(
      'invalid_client',
    );
    const listed = await call(STAFF_A, 'GET');
    expect((listed.body.clients as { clientId: string }[]).map((c) => c.clientId)).toContain(
      keyClientId(LIVE_KEY),
    );
  });

  it('should carry over keys issued and revoked since, once each', async () => {
    const later = `chk_${randomBytes(32).toString('base64url')}`;
    const byTheWay = `chk_${randomBytes(32).toString('base64url')}`;
    await onDatabase(database.url, async (db) => {
      await issueKey(db, later, null);
      await issueKey(db, byTheWay, null);
      await db.query(
        `UPDATE "authorization"."api_keys" SET "revoked_at" = now() WHERE "key_hash" = $1`,
        [sha256(byTheWay)],
      );
    });
    const sut = running.app.get(ImportApiKeysHandler);

    const first = await sut.execute();
    const again = await sut.execute();

    expect(first).toEqual({ imported: 2, deleted: 0 });
    expect(again).toEqual({ imported: 0, deleted: 0 });
    expect(await refusal(keyClientId(later), client.ClientSecretBasic(later))).toBeUndefined();
    expect(await refusal(keyClientId(byTheWay), client.ClientSecretBasic(byTheWay))).toBe(
      'invalid_client',
    );

    await onDatabase(database.url, (db) =>
      db.query(`UPDATE "authorization"."api_keys" SET "revoked_at" = now() WHERE "key_hash" = $1`, [
        sha256(later),
      ]),
    );
    expect(await sut.execute()).toEqual({ imported: 0, deleted: 1 });
    expect(await refusal(keyClientId(later), client.ClientSecretBasic(later))).toBe(
      'invalid_client',
    );
  });

  it('should never log a secret it showed, nor an API key', () => {
    const all = logged.join('');
    expect(logged.length).toBeGreaterThan(0);
    expect(shown.size).toBeGreaterThan(2);
    for (const secret of shown) expect(all).not.toContain(secret);
  });
});
