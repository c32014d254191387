import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import * as client from 'openid-client';
import { Role } from '#libs/contracts';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { AuditEvent } from '../accounts/domain/audit-event.js';
import { AccountStore } from '../accounts/infrastructure/account.store.js';
import { hashPassword } from '../accounts/infrastructure/password-hashing.js';
import { startIdentityForTest, type RunningIdentity } from '../identity.testing.js';
import { Browser, formsOf, type PageForm } from '../pages/testing/browser.js';
import { GrantStore } from './infrastructure/grant.store.js';
import {
  callApi,
  REDIRECT_URI,
  RESOURCE,
  signInThroughPages,
  submit as submitForm,
} from './testing/people.js';
import { TOKEN_EXCHANGE } from './token-exchange/token-exchange.grant.js';

const PASSWORD = 'a-password-nobody-types';
const PORTAL = {
  client_id: 'portal',
  token_endpoint_auth_method: 'none',
  redirect_uris: [REDIRECT_URI],
  grant_types: ['authorization_code', 'refresh_token', TOKEN_EXCHANGE],
  response_types: ['code'],
};
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
const REFRESH_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:refresh_token';

const party = (kind: string, name: string) => ({ id: randomUUID(), kind, name });

describe('grants: acting as one at sign-in, by refresh and by token exchange; listing and giving up', () => {
  let database: TestDatabase;
  let dataDir: string;
  let running: RunningIdentity;
  let portal: client.Configuration;
  let accounts: AccountStore;
  let grants: GrantStore;
  let keys: ReturnType<typeof createLocalJWKSet>;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'identity-grants-'));
    running = await startIdentityForTest(database.url, dataDir, {
      IDENTITY_CLIENTS: JSON.stringify([PORTAL]),
    });
    accounts = new AccountStore(running.dataSource);
    grants = new GrantStore(running.dataSource);
    portal = await client.discovery(
      new URL(running.issuer),
      PORTAL.client_id,
      { id_token_signed_response_alg: 'ES256' },
      client.None(),
      { execute: [client.allowInsecureRequests] },
    );
    const jwks = (await (await fetch(`${running.issuer}/jwks`)).json()) as JSONWebKeySet;
    keys = createLocalJWKSet(jwks);
  });

  afterAll(async () => {
    await running?.app.close();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const origin = () => new URL(running.issuer).origin;

  async function person(): Promise<{ id: string; email: string }> {
    const email = `${randomUUID()}@example.jp`;
    const account = await accounts.create({
      email,
      passwordHash: await hashPassword(PASSWORD),
      language: 'en',
    });
    await accounts.markVerified(account!.id);
    return { id: account!.id, email };
  }

  async function claimsOf(accessToken: string): Promise<JWTPayload> {
    return (
      await jwtVerify(accessToken, keys, {
        issuer: running.issuer,
        audience: RESOURCE,
        typ: 'at+jwt',
      })
    ).payload;
  }

  function submit(
    browser: Browser,
    form: PageForm | undefined,
    typed: Record<string, string> = {},
  ) {
    return submitForm(browser, origin(), form, typed);
  }

  function signIn(
    email: string,
    choose?: (forms: PageForm[], html: string) => PageForm | undefined,
  ) {
    return signInThroughPages(portal, origin(), { email, password: PASSWORD }, choose);
  }

  const pick = (grantId: string) => (forms: PageForm[]) =>
    forms.find((form) => form.fields.grant === grantId);

  function api(method: string, route: string, token?: string, body?: unknown) {
    return callApi(origin(), method, route, token, body);
  }

  function exchange(subject: string, type: string, actingGrant: string) {
    return client.genericGrantRequest(portal, TOKEN_EXCHANGE, {
      subject_token: subject,
      subject_token_type: type,
      acting_grant: actingGrant,
      resource: RESOURCE,
    });
  }

  it('should give a person without a grant a token with no role, good for their own routes', async () => {
    const { email } = await person();
    const { tokens, actAsPage } = await signIn(email);
    expect(actAsPage).toBeUndefined();
    const claims = await claimsOf(tokens.access_token);
    expect(claims.role).toBeUndefined();
    expect(claims.party).toBeUndefined();
    expect(await api('GET', '/v1/me/grants', tokens.access_token)).toEqual({
      status: 200,
      body: { grants: [] },
    });
  });

  it('should act as the one grant held, keep it on refresh, and drop it at the refresh after it is given up', async () => {
    const { id, email } = await person();
    const holder = party('RIGHT_HOLDER', 'Aoi Sato');
    const grant = await grants.give({
      accountId: id,
      role: Role.RIGHT_HOLDER,
      party: holder,
      grantedBy: 'self-service',
    });
    const { tokens, actAsPage } = await signIn(email);
    expect(actAsPage).toBeUndefined();
    expect(await claimsOf(tokens.access_token)).toMatchObject({
      sub: id,
      role: Role.RIGHT_HOLDER,
      party: holder.id,
    });
    const refreshed = await client.refreshTokenGrant(portal, tokens.refresh_token!);
    expect(await claimsOf(refreshed.access_token)).toMatchObject({ role: Role.RIGHT_HOLDER });

    const listed = await api('GET', '/v1/me/grants', refreshed.access_token);
    expect(listed.body.grants).toEqual([
      expect.objectContaining({
        id: grant.id,
        role: Role.RIGHT_HOLDER,
        party: { id: holder.id, name: 'Aoi Sato', kind: 'RIGHT_HOLDER' },
      }),
    ]);

    expect((await api('DELETE', `/v1/grants/${grant.id}`, refreshed.access_token)).status).toBe(
      204,
    );
    // Again: nothing changes, still 204.
    expect((await api('DELETE', `/v1/grants/${grant.id}`, refreshed.access_token)).status).toBe(
      204,
    );
    const after = await client.refreshTokenGrant(portal, refreshed.refresh_token!);
    const claims = await claimsOf(after.access_token);
    expect(claims.role).toBeUndefined();
    expect(claims.party).toBeUndefined();
    expect((await api('GET', '/v1/me/grants', after.access_token)).body).toEqual({ grants: [] });

    const events = await running.dataSource.query<{ event: string }[]>(
      `SELECT "event" FROM "identity"."account_audit" WHERE "account_id" = $1 ORDER BY "at"`,
      [id],
    );
    expect(events.map(({ event }) => event)).toEqual(
      expect.arrayContaining([AuditEvent.GRANT_GIVEN, AuditEvent.GRANT_REVOKED]),
    );
  });

  it('should ask a person holding several grants which to act as, and switch by token exchange', async () => {
    const { id, email } = await person();
    const society = party('SOCIETY', 'Music Society');
    const platform = party('PLATFORM', 'Video Site');
    const admin = await grants.give({
      accountId: id,
      role: Role.SOCIETY_ADMIN,
      party: society,
      grantedBy: 'operator',
    });
    const staff = await grants.give({
      accountId: id,
      role: Role.PLATFORM,
      party: platform,
      grantedBy: 'operator',
    });

    const { tokens, actAsPage } = await signIn(email, pick(staff.id));
    expect(actAsPage).toContain('Choose who you act as');
    expect(actAsPage).toContain('Continue as society administrator of Music Society');
    expect(await claimsOf(tokens.access_token)).toMatchObject({
      role: Role.PLATFORM,
      party: platform.id,
    });

    // The refresh token switches the sign-in: later refreshes act as the new grant.
    const switched = await exchange(tokens.refresh_token!, REFRESH_TOKEN_TYPE, admin.id);
    expect(switched.issued_token_type).toBe(ACCESS_TOKEN_TYPE);
    expect(await claimsOf(switched.access_token)).toMatchObject({
      sub: id,
      role: Role.SOCIETY_ADMIN,
      party: society.id,
    });
    const refreshed = await client.refreshTokenGrant(portal, tokens.refresh_token!);
    expect(await claimsOf(refreshed.access_token)).toMatchObject({ role: Role.SOCIETY_ADMIN });

    // An access token gets one token acting as the grant.
    const once = await exchange(refreshed.access_token, ACCESS_TOKEN_TYPE, staff.id);
    expect(await claimsOf(once.access_token)).toMatchObject({
      role: Role.PLATFORM,
      party: platform.id,
    });

    // Someone else's grant, or one that does not exist: refused with a sentence.
    const other = await person();
    const theirs = await grants.give({
      accountId: other.id,
      role: Role.RIGHT_HOLDER,
      party: party('RIGHT_HOLDER', 'Other'),
      grantedBy: 'self-service',
    });
    for (const grantId of [theirs.id, randomUUID()]) {
      await expect(
        exchange(refreshed.refresh_token!, REFRESH_TOKEN_TYPE, grantId),
      ).rejects.toMatchObject({
        error: 'invalid_grant',
        error_description: expect.stringContaining('you hold no grant'),
      });
    }
    await expect(exchange('not-a-token', REFRESH_TOKEN_TYPE, admin.id)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('should not act as a grant from another account posted on the act-as page, nor take a form without its token', async () => {
    const { id, email } = await person();
    await grants.give({
      accountId: id,
      role: Role.PLATFORM,
      party: party('PLATFORM', 'One'),
      grantedBy: 'operator',
    });
    await grants.give({
      accountId: id,
      role: Role.PLATFORM,
      party: party('PLATFORM', 'Two'),
      grantedBy: 'operator',
    });
    const stranger = await person();
    const foreign = await grants.give({
      accountId: stranger.id,
      role: Role.OPERATOR,
      grantedBy: 'operator',
    });
    const browser = new Browser({ 'accept-language': 'en' });
    const verifier = client.randomPKCECodeVerifier();
    const start = await browser.get(
      client.buildAuthorizationUrl(portal, {
        redirect_uri: REDIRECT_URI,
        scope: 'openid api',
        resource: RESOURCE,
        state: client.randomState(),
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      }),
    );
    const signInPage = await browser.get(new URL(start.headers.get('location') ?? '', origin()));
    const actAs = await submit(browser, formsOf(await signInPage.text())[0], {
      email,
      password: PASSWORD,
    });
    expect(actAs.status).toBe(200);
    const [form] = formsOf(await actAs.text());
    const tampered = await submit(browser, form, { grant: foreign.id });
    expect(tampered.status).toBe(404);
    expect(await tampered.text()).toContain('does not hold that role');
    const unsigned = await submit(browser, form, { csrf: 'forged' });
    expect(unsigned.status).toBe(403);
  });

  it('should let the operator and a society admin take grants back, and answer anyone else 404', async () => {
    const society = party('SOCIETY', 'Society');
    const member = await person();
    const staffGrant = await grants.give({
      accountId: member.id,
      role: Role.SOCIETY_ADMIN,
      party: society,
      grantedBy: 'operator',
    });
    const stranger = await person();
    const strangerGrant = await grants.give({
      accountId: stranger.id,
      role: Role.PLATFORM,
      party: party('PLATFORM', 'Elsewhere'),
      grantedBy: 'operator',
    });
    const { tokens: strangerTokens } = await signIn(stranger.email);
    expect(
      (await api('DELETE', `/v1/grants/${staffGrant.id}`, strangerTokens.access_token)).status,
    ).toBe(404);
    expect((await api('DELETE', `/v1/grants/not-an-id`, strangerTokens.access_token)).status).toBe(
      404,
    );

    const admin = await person();
    await grants.give({
      accountId: admin.id,
      role: Role.SOCIETY_ADMIN,
      party: society,
      grantedBy: 'operator',
    });
    const { tokens: adminTokens } = await signIn(admin.email);
    expect(
      (await api('DELETE', `/v1/grants/${strangerGrant.id}`, adminTokens.access_token)).status,
    ).toBe(404);
    expect(
      (await api('DELETE', `/v1/grants/${staffGrant.id}`, adminTokens.access_token)).status,
    ).toBe(204);
    expect(await grants.active(member.id)).toEqual([]);

    const operator = await person();
    await grants.give({ accountId: operator.id, role: Role.OPERATOR, grantedBy: 'operator' });
    const { tokens: operatorTokens } = await signIn(operator.email);
    expect(await claimsOf(operatorTokens.access_token)).toMatchObject({ role: Role.OPERATOR });
    expect(
      (await api('DELETE', `/v1/grants/${strangerGrant.id}`, operatorTokens.access_token)).status,
    ).toBe(204);
  });

  it('should give one active grant per account, role and party, also to racing requests', async () => {
    const { id } = await person();
    const holder = party('RIGHT_HOLDER', 'Once');
    const given = await Promise.all(
      Array.from({ length: 4 }, () =>
        grants.give({
          accountId: id,
          role: Role.RIGHT_HOLDER,
          party: holder,
          grantedBy: 'self-service',
        }),
      ),
    );
    expect(new Set(given.map(({ id: grantId }) => grantId)).size).toBe(1);
    expect(await grants.active(id)).toHaveLength(1);
  });

  it('should refuse the routes without a person’s token, and a right holder with a bad country', async () => {
    const none = await api('GET', '/v1/me/grants');
    expect(none.status).toBe(401);
    expect(none.body.message).toMatch(/Authorization: Bearer/);
    const { email } = await person();
    const { tokens: verified } = await signIn(email);
    const bad = await api('POST', '/v1/me/right-holder', verified.access_token, {
      name: 'Aoi',
      country: 'Japan',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/country must be an ISO 3166-1 alpha-2 code/);
  });
});
