import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as client from 'openid-client';
import { Role } from '#libs/contracts';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { AccountStore } from '../../accounts/infrastructure/account.store.js';
import { hashPassword } from '../../accounts/infrastructure/password-hashing.js';
import { startIdentityForTest, type RunningIdentity } from '../../identity.testing.js';
import { GrantStore } from '../infrastructure/grant.store.js';
import { callApi, REDIRECT_URI, signInThroughPages } from '../testing/people.js';

const PASSWORD = 'a-password-nobody-types';
const PORTAL = {
  client_id: 'portal',
  token_endpoint_auth_method: 'none',
  redirect_uris: [REDIRECT_URI],
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
};

/** The registry's registerParty: the same party for the same idempotency key, as it does. */
const registry = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString()));
  request.on('end', () => {
    const { variables } = JSON.parse(body) as {
      variables: { input: { idempotencyKey: string; name: string } };
    };
    const hex = createHash('sha256').update(variables.input.idempotencyKey).digest('hex');
    const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    response.setHeader('content-type', 'application/json');
    response.end(
      JSON.stringify({
        data: { registerParty: { id, kind: 'RIGHT_HOLDER', name: variables.input.name } },
      }),
    );
  });
});

describe('registering oneself as a right holder', () => {
  let database: TestDatabase;
  let dataDir: string;
  let running: RunningIdentity;
  let portal: client.Configuration;
  let accounts: AccountStore;
  let grants: GrantStore;

  const origin = () => new URL(running.issuer).origin;
  const api = (method: string, route: string, token?: string, body?: unknown) =>
    callApi(origin(), method, route, token, body);

  async function person(role?: Role) {
    const email = `${randomUUID()}@example.jp`;
    const account = await accounts.create({
      email,
      passwordHash: await hashPassword(PASSWORD),
      language: 'en',
    });
    await accounts.markVerified(account!.id);
    if (role) await grants.give({ accountId: account!.id, role, grantedBy: 'operator' });
    const { tokens } = await signInThroughPages(portal, origin(), { email, password: PASSWORD });
    return { id: account!.id, token: tokens.access_token };
  }

  beforeAll(async () => {
    await new Promise<void>((listening) => registry.listen(0, '127.0.0.1', listening));
    const { port } = registry.address() as { port: number };
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'identity-right-holder-'));
    running = await startIdentityForTest(database.url, dataDir, {
      IDENTITY_CLIENTS: JSON.stringify([PORTAL]),
      IDENTITY_REGISTRY_URL: `http://127.0.0.1:${port}/graphql`,
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
    registry.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('should answer the same grant when asked again, and never give back one the operator took away', async () => {
    const operator = await person(Role.OPERATOR);
    const holder = await person();
    const details = { name: 'Aoi Composer', country: 'JP' };
    const first = await api('POST', '/v1/me/right-holder', holder.token, details);
    expect(first.status).toBe(201);
    const again = await api('POST', '/v1/me/right-holder', holder.token, details);
    expect(again.body).toEqual(first.body);
    const grantId = (first.body.grant as { id: string }).id;

    expect((await api('DELETE', `/v1/grants/${grantId}`, operator.token)).status).toBe(204);
    const refused = await api('POST', '/v1/me/right-holder', holder.token, details);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/taken back.*invite you/);
    expect(await grants.active(holder.id)).toEqual([]);
  });

  it('should not give it back either after the holder gave it up', async () => {
    const holder = await person();
    const details = { name: 'Ren Lyricist', country: 'JP' };
    const first = await api('POST', '/v1/me/right-holder', holder.token, details);
    const grantId = (first.body.grant as { id: string }).id;
    expect((await api('DELETE', `/v1/grants/${grantId}`, holder.token)).status).toBe(204);
    expect((await api('POST', '/v1/me/right-holder', holder.token, details)).status).toBe(409);
  });
});
