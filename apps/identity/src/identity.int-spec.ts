import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createLocalJWKSet,
  decodeProtectedHeader,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
} from 'jose';
import * as client from 'openid-client';
import pino from 'pino';
import { Role } from '#libs/contracts';
import { diffSchema } from '#libs/database';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { startIdentityForTest, type RunningIdentity } from './identity.testing.js';
import { KeySealer } from './signing-keys/infrastructure/key-sealing.js';

const RESOURCE = 'urn:clearinghouse:api';
const PLATFORM_PARTY = randomUUID();
const MACHINE = {
  client_id: 'platform-machine',
  client_secret: randomBytes(24).toString('hex'),
  grant_types: ['client_credentials'],
  response_types: [],
  redirect_uris: [],
  role: Role.PLATFORM,
  party: PLATFORM_PARTY,
};

/** The identity service with the machine client configured. */
function startIdentity(
  database: TestDatabase,
  dataDir: string,
  env: Record<string, string> = {},
): Promise<RunningIdentity> {
  return startIdentityForTest(database.url, dataDir, {
    IDENTITY_CLIENTS: JSON.stringify([MACHINE]),
    ...env,
  });
}

async function machineClient(issuer: string): Promise<client.Configuration> {
  return client.discovery(
    new URL(issuer),
    MACHINE.client_id,
    undefined,
    client.ClientSecretBasic(MACHINE.client_secret),
    { execute: [client.allowInsecureRequests] },
  );
}

async function publishedKeys(issuer: string): Promise<JSONWebKeySet> {
  const response = await fetch(`${issuer}/jwks`);
  expect(response.status).toBe(200);
  return (await response.json()) as JSONWebKeySet;
}

async function verifyAccessToken(issuer: string, token: string): Promise<JWTPayload> {
  const { payload } = await jwtVerify(token, createLocalJWKSet(await publishedKeys(issuer)), {
    issuer,
    audience: RESOURCE,
    typ: 'at+jwt',
    algorithms: ['ES256'],
  });
  return payload;
}

describe('identity provider', () => {
  let database: TestDatabase;
  let dataDir: string;
  let running: RunningIdentity;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'identity-'));
    running = await startIdentity(database, dataDir);
  });

  afterAll(async () => {
    await running?.app.close();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('should publish a discovery document for its issuer', async () => {
    const sut = await machineClient(running.issuer);
    const metadata = sut.serverMetadata();
    expect(metadata.issuer).toBe(running.issuer);
    expect(metadata.jwks_uri).toBe(`${running.issuer}/jwks`);
    expect(metadata.grant_types_supported).toEqual(
      expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials']),
    );
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
    expect(metadata.revocation_endpoint).toBe(`${running.issuer}/token/revocation`);
    expect(metadata.end_session_endpoint).toBe(`${running.issuer}/session/end`);
    expect(metadata.introspection_endpoint).toBeUndefined();
  });

  it('should publish ES256 public keys only', async () => {
    const { keys } = await publishedKeys(running.issuer);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
      expect(key).not.toHaveProperty('d');
      expect(typeof key.kid).toBe('string');
    }
  });

  it('should give a machine a JWT access token for the API by client credentials', async () => {
    const sut = await machineClient(running.issuer);
    const tokens = await clientCredentials(sut);
    const payload = await verifyAccessToken(running.issuer, tokens.access_token);
    expect(payload).toMatchObject({
      iss: running.issuer,
      aud: RESOURCE,
      client_id: MACHINE.client_id,
      sub: MACHINE.client_id,
      role: Role.PLATFORM,
      party: PLATFORM_PARTY,
    });
    expect(payload.exp! - payload.iat!).toBe(600);
    expect(decodeProtectedHeader(tokens.access_token)).toMatchObject({
      alg: 'ES256',
      typ: 'at+jwt',
      kid: running.host.signingKid,
    });
  });

  it('should refuse a machine with a wrong secret', async () => {
    const sut = await client.discovery(
      new URL(running.issuer),
      MACHINE.client_id,
      undefined,
      client.ClientSecretBasic('not-the-secret'),
      { execute: [client.allowInsecureRequests] },
    );
    await expect(clientCredentials(sut)).rejects.toMatchObject({ status: 401 });
  });

  it('should refuse a token for a resource other than the API', async () => {
    const sut = await machineClient(running.issuer);
    await expect(
      client.clientCredentialsGrant(sut, { resource: 'https://elsewhere.example/' }),
    ).rejects.toMatchObject({ error: 'invalid_target' });
  });

  it('should answer a sign-in page of no interaction with 410 and a sentence', async () => {
    const response = await fetch(new URL('/interaction/some-uid?lang=en', running.issuer));
    expect(response.status).toBe(410);
    expect(await response.text()).toContain('This sign-in has expired');
  });

  it('should keep private keys sealed in the database, under the secret in DATA_DIR (mode 600)', async () => {
    const rows = await running.dataSource.query<
      { kid: string; public_jwk: Record<string, string>; sealed_private_jwk: string }[]
    >('SELECT kid, public_jwk, sealed_private_jwk FROM identity.signing_keys');
    expect(rows.length).toBeGreaterThan(0);
    const file = path.join(dataDir, 'identity-key');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const sealer = new KeySealer((await readFile(file, 'utf8')).trim());
    for (const row of rows) {
      expect(row.public_jwk).not.toHaveProperty('d');
      expect(row.sealed_private_jwk).not.toContain('"d"');
      expect(() => JSON.parse(row.sealed_private_jwk) as unknown).toThrow();
      const opened = JSON.parse(sealer.open(row.kid, row.sealed_private_jwk)) as {
        d?: string;
        x?: string;
      };
      expect(typeof opened.d).toBe('string');
      expect(opened.x).toBe(row.public_jwk.x);
    }
  });

  it('should sign with a new key after a rotation, and keep verifying tokens of the old one', async () => {
    const sut = await machineClient(running.issuer);
    const before = await clientCredentials(sut);
    const oldKid = decodeProtectedHeader(before.access_token).kid;

    await running.host.rotate();

    const after = await clientCredentials(sut);
    const newKid = decodeProtectedHeader(after.access_token).kid;
    expect(newKid).toBe(running.host.signingKid);
    expect(newKid).not.toBe(oldKid);
    const kids = (await publishedKeys(running.issuer)).keys.map((key) => key.kid);
    expect(kids[0]).toBe(newKid);
    expect(kids).toContain(oldKid);
    await expect(verifyAccessToken(running.issuer, before.access_token)).resolves.toMatchObject({
      client_id: MACHINE.client_id,
    });
    await expect(verifyAccessToken(running.issuer, after.access_token)).resolves.toMatchObject({
      client_id: MACHINE.client_id,
    });
  });

  it('should keep its keys over a restart', async () => {
    const sut = await machineClient(running.issuer);
    const issued = await clientCredentials(sut);
    const kidsBefore = (await publishedKeys(running.issuer)).keys.map((key) => key.kid);
    const signingBefore = running.host.signingKid;
    await running.app.close();

    running = await startIdentity(database, dataDir);

    expect((await publishedKeys(running.issuer)).keys.map((key) => key.kid)).toEqual(kidsBefore);
    expect(running.host.signingKid).toBe(signingBefore);
    // The issuer follows the port, which changed: check the signature against the new JWKS.
    const { payload } = await jwtVerify(
      issued.access_token,
      createLocalJWKSet(await publishedKeys(running.issuer)),
      { audience: RESOURCE, typ: 'at+jwt' },
    );
    expect(payload.client_id).toBe(MACHINE.client_id);
  });

  it('should refuse to start when the secret no longer opens its keys', async () => {
    await expect(
      startIdentity(database, dataDir, { IDENTITY_KEY_SECRET: randomBytes(32).toString('hex') }),
    ).rejects.toThrow(/does not open with this secret/);
  });

  it('should answer health and metrics like the other services', async () => {
    const base = new URL('/', running.issuer);
    const ready = await fetch(new URL('/health/ready', base));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' } },
    });
    const metrics = await fetch(new URL('/metrics', base));
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('http_request_duration_seconds');
  });

  it('should have migrations that match its entities', async () => {
    expect((await diffSchema(running.dataSource)).up).toEqual([]);
  });
});

describe('identity provider logs', () => {
  it('should never log key material or the identity secret', async () => {
    const database = await createTestDatabase();
    const dataDir = await mkdtemp(path.join(tmpdir(), 'identity-'));
    const lines: string[] = [];
    const logger = pino(
      { level: 'trace' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString('utf8'));
          done();
        },
      }),
    );
    const secret = randomBytes(32).toString('hex');
    const running = await startIdentityForTest(
      database.url,
      dataDir,
      { IDENTITY_KEY_SECRET: secret, IDENTITY_CLIENTS: JSON.stringify([MACHINE]) },
      logger,
    );
    try {
      await clientCredentials(await machineClient(running.issuer));
      await running.host.rotate();
      await clientCredentials(await machineClient(running.issuer));
      const rows = await running.dataSource.query<{ kid: string; sealed_private_jwk: string }[]>(
        'SELECT kid, sealed_private_jwk FROM identity.signing_keys',
      );
      const sealer = new KeySealer(secret);
      const privateParts = rows.map(
        (row) => (JSON.parse(sealer.open(row.kid, row.sealed_private_jwk)) as { d: string }).d,
      );
      expect(privateParts).toHaveLength(2);
      const logged = lines.join('');
      expect(logged).toContain('signing keys changed');
      expect(logged).toContain('"url":"/oidc/token"');
      for (const part of [...privateParts, secret, MACHINE.client_secret]) {
        expect(logged).not.toContain(part);
      }
      for (const row of rows) expect(logged).not.toContain(row.sealed_private_jwk);
    } finally {
      await running.app.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

function clientCredentials(sut: client.Configuration) {
  return client.clientCredentialsGrant(sut, { resource: RESOURCE });
}
