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

const RESOURCE = 'urn:clearinghouse:api';
const REDIRECT_URI = 'http://127.0.0.1:9/callback';
const SIGNED_OUT_URI = 'http://127.0.0.1:9/signed-out';
/** A browser application: a public client (no secret), so PKCE is what protects its codes. */
const PORTAL = {
  client_id: 'portal',
  token_endpoint_auth_method: 'none',
  redirect_uris: [REDIRECT_URI],
  post_logout_redirect_uris: [SIGNED_OUT_URI],
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
};

/** Requests with the cookies the provider set, redirects not followed: what a browser holds. */
class Browser {
  private readonly cookies = new Map<string, string>();

  async get(url: URL | string): Promise<Response> {
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}

describe('browser sign-in flow (authorization code with PKCE)', () => {
  let database: TestDatabase;
  let dataDir: string;
  let running: RunningIdentity;
  let portal: client.Configuration;
  /** A verified account, as sign-up and verification leave it. */
  let ACCOUNT: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'identity-'));
    running = await startIdentityForTest(database.url, dataDir, {
      IDENTITY_CLIENTS: JSON.stringify([PORTAL]),
    });
    const account = await new AccountStore(running.dataSource).create({
      email: 'person@example.jp',
      passwordHash: await hashPassword('a-password-nobody-types'),
      language: 'en',
    });
    ACCOUNT = account!.id;
    portal = await client.discovery(
      new URL(running.issuer),
      PORTAL.client_id,
      { id_token_signed_response_alg: 'ES256' },
      client.None(),
      { execute: [client.allowInsecureRequests] },
    );
  });

  afterAll(async () => {
    await running?.app.close();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /**
   * Signs in as ACCOUNT and consents, scripted: the test records each interaction's result
   * through the provider, as the pages do (the pages themselves: accounts.int-spec.ts).
   */
  async function signIn(browser: Browser, parameters: Record<string, string>): Promise<URL> {
    let response = await browser.get(client.buildAuthorizationUrl(portal, parameters));
    const provider = running.host.current;
    for (let step = 0; step < 4; step += 1) {
      const location = new URL(response.headers.get('location') ?? '', running.issuer);
      if (!location.pathname.startsWith('/interaction/')) return location;
      expect((await browser.get(location)).status).toBe(200);
      const interaction = await provider.Interaction.find(location.pathname.split('/')[2]!);
      if (!interaction) throw new Error('the interaction is not stored');
      if (interaction.prompt.name === 'login') {
        interaction.result = { login: { accountId: ACCOUNT } };
      } else {
        const grant = new provider.Grant({ accountId: ACCOUNT, clientId: PORTAL.client_id });
        grant.addOIDCScope('openid offline_access');
        grant.addResourceScope(RESOURCE, 'api');
        interaction.result = { consent: { grantId: await grant.save() } };
      }
      await interaction.save(interaction.exp - Math.floor(Date.now() / 1000));
      response = await browser.get(interaction.returnTo);
    }
    throw new Error('the sign-in did not come back to the client');
  }

  async function signedInTokens() {
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const callback = await signIn(new Browser(), {
      redirect_uri: REDIRECT_URI,
      scope: 'openid offline_access api',
      resource: RESOURCE,
      prompt: 'consent',
      state,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    expect(callback.href.startsWith(REDIRECT_URI)).toBe(true);
    return client.authorizationCodeGrant(portal, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
  }

  it('should refuse an authorization request without PKCE', async () => {
    const response = await new Browser().get(
      client.buildAuthorizationUrl(portal, { redirect_uri: REDIRECT_URI, scope: 'openid' }),
    );
    const location = new URL(response.headers.get('location') ?? '', running.issuer);
    expect(location.href.startsWith(REDIRECT_URI)).toBe(true);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toContain('PKCE');
  });

  it('should issue an ID token, an API access token and a refresh token for a signed-in person', async () => {
    const tokens = await signedInTokens();
    expect(tokens.claims()?.sub).toBe(ACCOUNT);
    expect(tokens.refresh_token).toEqual(expect.any(String));
    const jwks = (await (await fetch(`${running.issuer}/jwks`)).json()) as JSONWebKeySet;
    const { payload } = await jwtVerify(tokens.access_token, createLocalJWKSet(jwks), {
      issuer: running.issuer,
      audience: RESOURCE,
      typ: 'at+jwt',
    });
    expect(payload).toMatchObject({ sub: ACCOUNT, client_id: PORTAL.client_id });
  });

  it('should rotate the refresh token on use, and end the grant when a used one comes back', async () => {
    const first = await signedInTokens();
    const second = await client.refreshTokenGrant(portal, first.refresh_token!);
    expect(second.refresh_token).toEqual(expect.any(String));
    expect(second.refresh_token).not.toBe(first.refresh_token);

    await expect(client.refreshTokenGrant(portal, first.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    // Reuse means the token leaked: the whole grant is revoked, the newer token with it.
    await expect(client.refreshTokenGrant(portal, second.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('should revoke a refresh token', async () => {
    const tokens = await signedInTokens();
    await client.tokenRevocation(portal, tokens.refresh_token!);
    await expect(client.refreshTokenGrant(portal, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('should offer RP-initiated logout to a registered post-logout address', async () => {
    const tokens = await signedInTokens();
    const response = await new Browser().get(
      client.buildEndSessionUrl(portal, {
        id_token_hint: tokens.id_token!,
        post_logout_redirect_uri: SIGNED_OUT_URI,
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('logout');
  });

  it('should sign a person in to the built-in portal client without asking consent, with API and refresh tokens', async () => {
    const builtIn = await client.discovery(
      new URL(running.issuer),
      'clearinghouse-portal',
      { id_token_signed_response_alg: 'ES256' },
      client.None(),
      { execute: [client.allowInsecureRequests] },
    );
    const redirectUri = `${new URL(running.issuer).origin}/auth/callback`;
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const browser = new Browser();
    const authorization = await browser.get(
      client.buildAuthorizationUrl(builtIn, {
        redirect_uri: redirectUri,
        scope: 'openid offline_access api',
        resource: RESOURCE,
        state,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        ui_locales: 'ja-JP en',
        screen_hint: 'sign-up',
      }),
    );
    const interactionUrl = new URL(authorization.headers.get('location')!, running.issuer);
    // "Create an account" in the person's language: the sign-up page, in Japanese.
    const arrival = await browser.get(interactionUrl);
    expect(arrival.status).toBe(303);
    expect(arrival.headers.get('location')).toBe(`${interactionUrl.pathname}/sign-up?lang=ja`);
    // The pages' own links carry the language: back at the start, the sign-in form shows.
    expect((await browser.get(`${interactionUrl.href}?lang=en`)).status).toBe(200);

    const provider = running.host.current;
    const interaction = await provider.Interaction.find(interactionUrl.pathname.split('/')[2]!);
    expect(interaction!.prompt.name).toBe('login');
    interaction!.result = { login: { accountId: ACCOUNT } };
    await interaction!.save(interaction!.exp - Math.floor(Date.now() / 1000));
    let response = await browser.get(interaction!.returnTo);
    for (
      let hop = 0;
      hop < 3 && !response.headers.get('location')?.startsWith(redirectUri);
      hop += 1
    ) {
      const next = new URL(response.headers.get('location')!, running.issuer);
      // No consent page in between: the portal is the provider's own.
      expect(next.pathname.startsWith('/interaction/')).toBe(false);
      response = await browser.get(next);
    }
    const callback = new URL(response.headers.get('location')!);
    expect(callback.href.startsWith(redirectUri)).toBe(true);
    const tokens = await client.authorizationCodeGrant(builtIn, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    expect(tokens.refresh_token).toEqual(expect.any(String));
    const jwks = (await (await fetch(`${running.issuer}/jwks`)).json()) as JSONWebKeySet;
    const { payload } = await jwtVerify(tokens.access_token, createLocalJWKSet(jwks), {
      issuer: running.issuer,
      audience: RESOURCE,
      typ: 'at+jwt',
    });
    expect(payload).toMatchObject({ sub: ACCOUNT, client_id: 'clearinghouse-portal' });
    const refreshed = await client.refreshTokenGrant(builtIn, tokens.refresh_token!, {
      resource: RESOURCE,
    });
    expect(refreshed.access_token).toEqual(expect.any(String));
  });
});
