import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { Tokens } from '#libs/auth';
import { Role } from '#libs/contracts';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import type { Standalone } from '../apps/standalone/src/start-standalone.js';
import { startTestStandalone } from './support/systems.js';

/** The built CLI (npm test builds first), as `npm run cli -- ...` runs it. */
function cli(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['dist/tools/cli/main.js', ...args], {
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

/** The built CLI while this process serves a system it calls (spawnSync would block it). */
async function cliAsync(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['dist/tools/cli/main.js', ...args], {
    env: { PATH: process.env.PATH, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [status] = (await once(child, 'exit')) as [number | null];
  return { status, stdout, stderr };
}

describe('cli token', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'cli-spec-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should print another role’s token and nothing else, signed with AUTH_JWT_SECRET', async () => {
    const secret = randomBytes(32).toString('hex');
    const party = randomUUID();
    const sut = cli(['token', '--role', 'SOCIETY_ADMIN', '--party', party], {
      AUTH_JWT_SECRET: secret,
    });
    expect(sut.status).toBe(0);
    expect(sut.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    await expect(new Tokens(secret).verify(sut.stdout.trim())).resolves.toEqual({
      role: Role.SOCIETY_ADMIN,
      partyId: party,
    });
  });

  it('should sign with the installation secret in DATA_DIR in development', async () => {
    const party = randomUUID();
    const sut = cli(['token', '--role', 'PLATFORM', '--party', party], {
      DATA_DIR: dataDir,
      NODE_ENV: 'development',
    });
    expect(sut.status).toBe(0);
    const secret = (await readFile(path.join(dataDir, 'jwt-secret'), 'utf8')).trim();
    await expect(new Tokens(secret).verify(sut.stdout.trim())).resolves.toEqual({
      role: Role.PLATFORM,
      partyId: party,
    });
  });

  it('should sign no shared-secret token in production without AUTH_JWT_SECRET, with a sentence', () => {
    const sut = cli(['token', '--role', 'PLATFORM', '--party', randomUUID()], {
      DATA_DIR: dataDir,
    });
    expect(sut.status).toBe(1);
    expect(sut.stdout).toBe('');
    expect(sut.stderr).toContain(
      'a PLATFORM token from the CLI is a shared-secret token, which production does not accept',
    );
  });

  it('should refuse an operator token without a started system’s secret, or with a party', () => {
    const none = cli(['token'], { DATA_DIR: path.join(dataDir, 'never-started') });
    expect(none.status).toBe(1);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('no operator client secret in');
    const withParty = cli(['token', '--role', 'OPERATOR', '--party', randomUUID()], {
      DATA_DIR: dataDir,
    });
    expect(withParty.status).toBe(2);
    expect(withParty.stderr).toContain('leave out --party and --ttl');
  });

  it('should refuse a role without its party, and an unknown role, on stderr with an exit code', () => {
    const noParty = cli(['token', '--role', 'RIGHT_HOLDER'], { DATA_DIR: dataDir });
    expect(noParty.status).toBe(2);
    expect(noParty.stdout).toBe('');
    expect(noParty.stderr).toContain('--party <id> is required for role RIGHT_HOLDER');
    const unknown = cli(['token', '--role', 'ADMIN'], { DATA_DIR: dataDir });
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain(
      'Allowed choices are OPERATOR, SOCIETY_ADMIN, RIGHT_HOLDER, PLATFORM',
    );
  });
});

describe('cli token against a started system', () => {
  let database: TestDatabase;
  let dataDir: string;
  let sut: Standalone;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'cli-operator-'));
    sut = await startTestStandalone(database.url, { DATA_DIR: dataDir });
  });

  afterAll(async () => {
    await sut?.stop();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('should print an operator access token of the issuer, got by client credentials', async () => {
    const gatewayPort = new URL(sut.gatewayUrl).port;

    const answer = await cliAsync(['token'], { DATA_DIR: dataDir, GATEWAY_PORT: gatewayPort });

    expect(answer.stderr).toBe('');
    expect(answer.status).toBe(0);
    const { payload, protectedHeader } = await jwtVerify(
      answer.stdout.trim(),
      createRemoteJWKSet(new URL(`${sut.identity.issuer}/jwks`)),
      { issuer: sut.identity.issuer, audience: 'urn:clearinghouse:api', typ: 'at+jwt' },
    );
    expect(protectedHeader.alg).toBe('ES256');
    expect(payload).toMatchObject({ role: Role.OPERATOR, client_id: 'clearinghouse-operator' });
    expect(payload.party).toBeUndefined();
    // The secret the launcher registered the client with: kept in DATA_DIR, for its owner only.
    expect((await stat(path.join(dataDir, 'operator-client-secret'))).mode & 0o777).toBe(0o600);
    // And the gateway takes it as the operator's.
    const registered = await fetch(`${sut.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${answer.stdout.trim()}`,
      },
      body: JSON.stringify({
        query: 'mutation { registerParty(input: { kind: PLATFORM, name: "By the CLI" }) { id } }',
      }),
    });
    const body = (await registered.json()) as { data?: { registerParty?: { id: string } } };
    expect(body.data?.registerParty?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should say so when DATA_DIR holds another installation’s secret', async () => {
    const elsewhere = await mkdtemp(path.join(tmpdir(), 'cli-elsewhere-'));
    try {
      const secret = randomBytes(32).toString('base64url');
      await writeFile(path.join(elsewhere, 'operator-client-secret'), `${secret}\n`, {
        mode: 0o600,
      });
      const answer = await cliAsync(['token'], {
        DATA_DIR: elsewhere,
        GATEWAY_PORT: new URL(sut.gatewayUrl).port,
      });
      expect(answer.status).toBe(1);
      expect(answer.stdout).toBe('');
      expect(answer.stderr).toContain("does not know the operator's client with the secret of");
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });
});
