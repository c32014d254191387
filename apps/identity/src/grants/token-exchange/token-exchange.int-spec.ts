import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeJwt } from 'jose';
import * as client from 'openid-client';
import { Role } from '#libs/contracts';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { AccountStore } from '../../accounts/infrastructure/account.store.js';
import { hashPassword } from '../../accounts/infrastructure/password-hashing.js';
import { startIdentityForTest, type RunningIdentity } from '../../identity.testing.js';
import { GrantStore } from '../infrastructure/grant.store.js';
import { callApi, REDIRECT_URI, RESOURCE, signInThroughPages } from '../testing/people.js';
import { TOKEN_EXCHANGE } from './token-exchange.grant.js';

const PASSWORD = 'kettle-orchard-mist-31';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
const REFRESH_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:refresh_token';
const PORTAL = {
  client_id: 'portal',
  token_endpoint_auth_method: 'none',
  redirect_uris: [REDIRECT_URI],
  grant_types: ['authorization_code', 'refresh_token', TOKEN_EXCHANGE],
  response_types: ['code'],
};

describe('token exchange: an access token lends its sign-in, never outlives it', () => {
  let database: TestDatabase;
  let dataDir: string;
  let running: RunningIdentity;
  let portal: client.Configuration;
  let accounts: AccountStore;
  let grants: GrantStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'identity-token-exchange-'));
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
  });

  afterAll(async () => {
    await running?.app.close();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const origin = () => new URL(running.issuer).origin;

  /** A verified person holding a right holder's grant, signed in at the portal. */
  async function signedInPerson() {
    const email = `${randomUUID()}@example.jp`;
    const account = await accounts.create({
      email,
      passwordHash: await hashPassword(PASSWORD),
      language: 'en',
    });
    await accounts.markVerified(account!.id);
    const grant = await grants.give({
      accountId: account!.id,
      role: Role.RIGHT_HOLDER,
      party: { id: randomUUID(), kind: 'RIGHT_HOLDER', name: 'Me' },
      grantedBy: 'operator',
    });
    const { tokens } = await signInThroughPages(portal, origin(), { email, password: PASSWORD });
    return { accountId: account!.id, grantId: grant.id, tokens };
  }

  const exchange = (subject: string, type: string, grantId: string) =>
    client.genericGrantRequest(portal, TOKEN_EXCHANGE, {
      subject_token: subject,
      subject_token_type: type,
      acting_grant: grantId,
      resource: RESOURCE,
    });

  it('should give an access token one token acting as the grant, ending when the subject ends, not exchangeable again', async () => {
    const { accountId, grantId, tokens } = await signedInPerson();
    const subject = decodeJwt(tokens.access_token);
    expect(subject.auth_time).toEqual(expect.any(Number));
    expect(subject.grant_id).toEqual(expect.any(String));

    const once = await exchange(tokens.access_token, ACCESS_TOKEN_TYPE, grantId);
    const made = decodeJwt(once.access_token);
    expect(made).toMatchObject({ sub: accountId, role: Role.RIGHT_HOLDER, exchanged: true });
    expect(made.exp).toBeLessThanOrEqual(subject.exp!);
    expect(made.auth_time).toBe(subject.auth_time);
    expect((await callApi(origin(), 'GET', '/v1/me/grants', once.access_token)).status).toBe(200);

    await expect(exchange(once.access_token, ACCESS_TOKEN_TYPE, grantId)).rejects.toMatchObject({
      error: 'invalid_grant',
      error_description: expect.stringContaining('itself made by a token exchange'),
    });
  });

  it('should refuse an access token whose sign-in was revoked or signed out', async () => {
    const { accountId, grantId, tokens } = await signedInPerson();
    // What signing out everywhere does: the account's sessions, grants and tokens are gone.
    await running.dataSource.query(
      `DELETE FROM "identity"."oidc_records" WHERE "payload"->>'accountId' = $1`,
      [accountId],
    );
    await expect(client.refreshTokenGrant(portal, tokens.refresh_token!)).rejects.toThrow();
    await expect(exchange(tokens.access_token, ACCESS_TOKEN_TYPE, grantId)).rejects.toMatchObject({
      error: 'invalid_grant',
      error_description: expect.stringContaining('has ended'),
    });
  });

  it('should refuse an access token issued before the password last changed', async () => {
    const { accountId, grantId, tokens } = await signedInPerson();
    const { iat } = decodeJwt(tokens.access_token);
    await running.dataSource.query(
      `UPDATE "identity"."accounts" SET "password_changed_at" = to_timestamp($2) WHERE "id" = $1`,
      [accountId, iat! + 1],
    );
    await expect(exchange(tokens.access_token, ACCESS_TOKEN_TYPE, grantId)).rejects.toMatchObject({
      error: 'invalid_grant',
      error_description: expect.stringContaining('before the password was last changed'),
    });
  });

  it('should keep exchanging a live refresh token, carrying the sign-in time', async () => {
    const { accountId, grantId, tokens } = await signedInPerson();
    const { auth_time: authTime } = decodeJwt(tokens.access_token);
    const made = await exchange(tokens.refresh_token!, REFRESH_TOKEN_TYPE, grantId);
    expect(decodeJwt(made.access_token)).toMatchObject({
      sub: accountId,
      role: Role.RIGHT_HOLDER,
      auth_time: authTime,
      exchanged: true,
    });
    // A refresh keeps the time of the sign-in, not of the refresh.
    const refreshed = await client.refreshTokenGrant(portal, tokens.refresh_token!);
    expect(decodeJwt(refreshed.access_token).auth_time).toBe(authTime);
  });
});
