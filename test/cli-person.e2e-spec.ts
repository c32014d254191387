import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import * as oidc from 'openid-client';
import pg from 'pg';
import { Role } from '#libs/contracts';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { hashPassword } from '../apps/identity/src/accounts/infrastructure/password-hashing.js';
import { enterDeviceCode } from '../apps/identity/src/pages/testing/device.js';
import type { Standalone } from '../apps/standalone/src/start-standalone.js';
import { runCli } from './support/cli-run.js';
import { startTestStandalone } from './support/systems.js';

const EMAIL = 'cli-person@example.jp';
const PASSWORD = 'a-cli-password-nobody-types';

/** `login` as it runs in a terminal: the code it prints, and how it ends. */
function startLogin(env: Record<string, string>) {
  const child = spawn(process.execPath, ['dist/tools/cli/main.js', 'login'], { env });
  let stderr = '';
  let stdout = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  const ended = once(child, 'exit').then(([status]) => ({
    status: status as number | null,
    stdout,
    stderr,
  }));
  /** The verification URI and the user code, once printed. */
  const prompt = async () => {
    for (;;) {
      const uri = /open (\S+) in a browser/.exec(stderr)?.[1];
      const code = /^ {4}([A-Z]{4}-[A-Z]{4})$/m.exec(stderr)?.[1];
      if (uri && code) return { uri, code };
      if (child.exitCode !== null) throw new Error(`login ended early: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { prompt, ended };
}

/**
 * A person at the CLI: `login` by the device flow against a running system, the code entered
 * in a (scripted) browser; `token --person`; `logout`. And the demo seeded by the CLI in
 * production, without any shared secret.
 */
describe('cli as a person, and the demo from the issuer', () => {
  let database: TestDatabase;
  let dataDir: string;
  let configDir: string;
  let sut: Standalone;
  let account: string;
  /** The CLI's environment: production, no AUTH_JWT_SECRET. */
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'cli-person-'));
    configDir = await mkdtemp(path.join(tmpdir(), 'cli-person-config-'));
    sut = await startTestStandalone(database.url, { DATA_DIR: dataDir });
    account = randomUUID();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO identity.accounts
           (id, email, password_hash, language, email_verified_at, created_at, password_changed_at)
         VALUES ($1, $2, $3, 'en', now(), now(), now())`,
        [account, EMAIL, await hashPassword(PASSWORD)],
      );
    } finally {
      await client.end();
    }
    env = {
      PATH: process.env.PATH!,
      DATA_DIR: dataDir,
      GATEWAY_PORT: new URL(sut.gatewayUrl).port,
      XDG_CONFIG_HOME: configDir,
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
    };
  });

  afterAll(async () => {
    await sut?.stop();
    await database?.drop();
    for (const dir of [dataDir, configDir])
      if (dir) await rm(dir, { recursive: true, force: true });
  });

  const keys = () => createRemoteJWKSet(new URL(`${sut.identity.issuer}/jwks`));
  const verify = (token: string) =>
    jwtVerify(token, keys(), {
      issuer: sut.identity.issuer,
      audience: 'urn:clearinghouse:api',
      typ: 'at+jwt',
    });
  const sessionFile = () => path.join(configDir, 'clearinghouse', 'sessions.json');

  it('should sign a person in by the device flow, print their token, and sign them out', async () => {
    const login = startLogin(env);
    const { uri, code } = await login.prompt();
    expect(uri).toBe(`${sut.identity.issuer}/device`);
    const page = await enterDeviceCode(uri, {
      userCode: code,
      email: EMAIL,
      password: PASSWORD,
      lang: 'en',
    });
    expect(page.html).toContain('<h1>You are signed in</h1>');
    const ended = await login.ended;
    expect(ended.status).toBe(0);
    expect(ended.stdout).toBe('');
    expect(ended.stderr).toContain(`Signed in (account ${account})`);
    // The sign-in is the person's: under their configuration folder, for them only.
    expect((await stat(sessionFile())).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(sessionFile()))).mode & 0o777).toBe(0o700);

    const token = await runCli(['token', '--person'], env);
    expect(token.stderr).toBe('');
    expect(token.status).toBe(0);
    const { payload } = await verify(token.stdout.trim());
    expect(payload).toMatchObject({ sub: account, client_id: 'clearinghouse-cli' });
    // The same token while it lasts: no refresh (and rotation) on every call.
    expect((await runCli(['token', '--person'], env)).stdout).toBe(token.stdout);

    const session = JSON.parse(await readFile(sessionFile(), 'utf8')) as Record<
      string,
      { refreshToken: string }
    >;
    const refreshToken = session[`${sut.identity.issuer}`]?.refreshToken;
    expect(refreshToken).toEqual(expect.any(String));

    const out = await runCli(['logout'], env);
    expect(out.status).toBe(0);
    expect(out.stderr).toContain('Signed out of');
    // Revoked at the issuer, not only forgotten here.
    const cli = await oidc.discovery(
      new URL(sut.identity.issuer),
      'clearinghouse-cli',
      undefined,
      oidc.None(),
      { execute: [oidc.allowInsecureRequests] },
    );
    await expect(oidc.refreshTokenGrant(cli, refreshToken!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    const after = await runCli(['token', '--person'], env);
    expect(after.status).toBe(1);
    expect(after.stdout).toBe('');
    expect(after.stderr).toContain('no one is signed in at');
    expect(after.stderr).toContain('npm run cli -- login');
    // Signing out again is harmless.
    expect((await runCli(['logout'], env)).status).toBe(0);
  });

  it('should end login with a sentence and exit 1 when the person cancels in the browser', async () => {
    const login = startLogin(env);
    const { uri, code } = await login.prompt();
    await enterDeviceCode(uri, { userCode: code, email: EMAIL, password: PASSWORD, abort: true });
    const ended = await login.ended;
    expect(ended.status).toBe(1);
    expect(ended.stderr).toContain('the sign-in was cancelled in the browser');
  });

  it('should refuse --person with a role, with a usage exit code', async () => {
    const mixed = await runCli(['token', '--person', '--role', 'PLATFORM'], env);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toContain('leave out --role, --party and --ttl with --person');
  });

  it('should seed the demo in production without a shared secret, its tokens from the issuer', async () => {
    const seeded = await runCli(['seed-demo'], env, 120_000);
    expect(seeded.stderr).toBe('');
    expect(seeded.status).toBe(0);
    expect(seeded.stdout).toContain('Demo data is loaded');
    const operator = /^ {2}OPERATOR\s+(\S+)/m.exec(seeded.stdout)?.[1];
    expect(decodeProtectedHeader(operator!)).toMatchObject({ alg: 'ES256', typ: 'at+jwt' });
    // The running identity app learns the demo parties' clients when it starts again.
    expect(seeded.stdout).toMatch(/^ {2}PLATFORM\s+\(none: .*restart the system/m);
    await sut.reloadIdentityClients();

    const demo = JSON.parse(await readFile(path.join(dataDir, 'demo.json'), 'utf8')) as {
      platformId: string;
    };
    const platform = await runCli(['token', '--role', 'PLATFORM', '--party', demo.platformId], env);
    expect(platform.stderr).toBe('');
    expect(platform.status).toBe(0);
    const { payload } = await verify(platform.stdout.trim());
    expect(payload).toMatchObject({ role: Role.PLATFORM, party: demo.platformId });
    // Accepted by the gateway as that platform.
    const answer = await fetch(`${sut.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${platform.stdout.trim()}`,
      },
      body: JSON.stringify({
        query: `mutation { requestUse(input: { idempotencyKey: "cli-person", items: [{ title: "Night Drive", category: MUSIC, useType: STREAM, territory: "JP", from: "2026-12-01", to: "2027-01-01", expectedQuantity: 1 }] }) { items { decision } } }`,
      }),
    });
    expect(await answer.json()).toEqual({
      data: { requestUse: { items: [{ decision: 'GRANTED_ECL' }] } },
    });
    // Another party has no client, and production signs no shared-secret token for it.
    const other = await runCli(['token', '--role', 'PLATFORM', '--party', randomUUID()], env);
    expect(other.status).toBe(1);
    expect(other.stderr).toContain('which production does not accept');
  });
});
