import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import * as client from 'openid-client';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { AccountStore } from '../accounts/infrastructure/account.store.js';
import { hashPassword } from '../accounts/infrastructure/password-hashing.js';
import { startIdentityForTest, type RunningIdentity } from '../identity.testing.js';
import { enterDeviceCode } from '../pages/testing/device.js';

const RESOURCE = 'urn:clearinghouse:api';
/** The command line's client as the launchers register it: public, device code and refresh. */
const CLI = {
  client_id: 'clearinghouse-cli',
  client_name: 'Clearinghouse CLI',
  token_endpoint_auth_method: 'none',
  grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
  response_types: [],
  redirect_uris: [],
};
const EMAIL = 'device-person@example.jp';
const PASSWORD = 'a-device-password-nobody-types';
/** The user code alphabet: consonants only, no look-alikes, in two groups of four. */
const USER_CODE = /^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/;

describe('device authorization grant (a person signs in for the CLI)', () => {
  let database: TestDatabase;
  let dataDir: string;
  let running: RunningIdentity;
  let cli: client.Configuration;
  let account: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'identity-device-'));
    running = await startIdentityForTest(database.url, dataDir, {
      IDENTITY_CLIENTS: JSON.stringify([CLI]),
    });
    const store = new AccountStore(running.dataSource);
    const created = await store.create({
      email: EMAIL,
      passwordHash: await hashPassword(PASSWORD),
      language: 'en',
    });
    account = created!.id;
    await store.markVerified(account);
    cli = await client.discovery(new URL(running.issuer), CLI.client_id, undefined, client.None(), {
      execute: [client.allowInsecureRequests],
    });
  });

  afterAll(async () => {
    await running?.app.close();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const start = () =>
    client.initiateDeviceAuthorization(cli, {
      scope: 'openid offline_access api',
      resource: RESOURCE,
    });

  it('should give the CLI an API token and a refresh token once the person entered the code and signed in', async () => {
    const device = await start();
    expect(device.user_code).toMatch(USER_CODE);
    expect(device.verification_uri).toBe(`${running.issuer}/device`);
    expect(device.verification_uri_complete).toContain(encodeURIComponent(device.user_code));

    const polled = client.pollDeviceAuthorizationGrant(cli, device);
    // Typed as a person might: lower case, without the hyphen.
    const page = await enterDeviceCode(device.verification_uri, {
      userCode: device.user_code.replace('-', '').toLowerCase(),
      email: EMAIL,
      password: PASSWORD,
      lang: 'en',
    });
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1>You are signed in</h1>');
    expect(page.html).toContain('<html lang="en">');

    const tokens = await polled;
    expect(tokens.refresh_token).toEqual(expect.any(String));
    const jwks = (await (await fetch(`${running.issuer}/jwks`)).json()) as JSONWebKeySet;
    const { payload } = await jwtVerify(tokens.access_token, createLocalJWKSet(jwks), {
      issuer: running.issuer,
      audience: RESOURCE,
      typ: 'at+jwt',
    });
    expect(payload).toMatchObject({ sub: account, client_id: CLI.client_id });

    // The CLI refreshes (rotated), and a revoked refresh token gives nothing more.
    const refreshed = await client.refreshTokenGrant(cli, tokens.refresh_token!);
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    await client.tokenRevocation(cli, refreshed.refresh_token!);
    await expect(client.refreshTokenGrant(cli, refreshed.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('should say in Japanese, by default, that a code is not known, and let the person type it again', async () => {
    const page = await enterDeviceCode(`${running.issuer}/device`, {
      userCode: 'BBBB-BBBB',
      email: EMAIL,
      password: PASSWORD,
    });
    expect(page.status).toBe(200);
    expect(page.html).toContain('<html lang="ja">');
    expect(page.html).toContain('このコードは見つかりません');
    expect(page.html).toMatch(/<input[^>]*name="user_code"[^>]*aria-invalid="true"/);
  });

  it('should tell the CLI access_denied when the person cancels on the confirmation page', async () => {
    const device = await start();
    const polled = client.pollDeviceAuthorizationGrant(cli, device);
    // Through the complete URI: the code comes filled in, straight to the confirmation.
    const page = await enterDeviceCode(device.verification_uri_complete!, {
      userCode: device.user_code,
      email: EMAIL,
      password: PASSWORD,
      lang: 'en',
      abort: true,
    });
    expect(page.html).toContain('The sign-in is cancelled');
    await expect(polled).rejects.toMatchObject({ error: 'access_denied' });
    // The code is used up: typed again, it is refused.
    const again = await enterDeviceCode(device.verification_uri, {
      userCode: device.user_code,
      email: EMAIL,
      password: PASSWORD,
      lang: 'en',
    });
    expect(again.html).toContain('This code was used already');
  });
});
