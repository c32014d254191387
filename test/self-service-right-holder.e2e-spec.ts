import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeJwt } from 'jose';
import * as client from 'openid-client';
import pg from 'pg';
import { Role } from '#libs/contracts';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { hashPassword } from '../apps/identity/src/accounts/infrastructure/password-hashing.js';
import {
  callApi,
  REDIRECT_URI,
  RESOURCE,
  signInThroughPages,
  submit,
} from '../apps/identity/src/grants/testing/people.js';
import { TOKEN_EXCHANGE } from '../apps/identity/src/grants/token-exchange/token-exchange.grant.js';
import { parseMail } from '../apps/identity/src/mail/testing/smtp.js';
import { Browser, formsOf, type PageForm } from '../apps/identity/src/pages/testing/browser.js';
import type { Standalone } from '../apps/standalone/src/start-standalone.js';
import { startTestStandalone } from './support/systems.js';

const PASSWORD = 'a-long-password-of-my-own';
const PORTAL = {
  client_id: 'portal',
  token_endpoint_auth_method: 'none',
  redirect_uris: [REDIRECT_URI],
  grant_types: ['authorization_code', 'refresh_token', TOKEN_EXCHANGE],
  response_types: ['code'],
};
const OPERATOR_MACHINE = {
  client_id: 'operator-machine',
  client_secret: randomBytes(24).toString('hex'),
  grant_types: ['client_credentials'],
  response_types: [],
  redirect_uris: [],
  role: 'OPERATOR',
};
const REFRESH_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:refresh_token';

interface GraphqlAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

describe('a person signs up, registers as a right holder and calls the API; invited staff act as their grants', () => {
  let database: TestDatabase;
  let dataDir: string;
  let sut: Standalone;
  let portal: client.Configuration;
  let machineToken: string;

  const origin = () => sut.gatewayUrl;
  const api = (method: string, route: string, token?: string, body?: unknown) =>
    callApi(origin(), method, route, token, body);

  async function graphql(
    query: string,
    token: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphqlAnswer> {
    const response = await fetch(`${sut.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphqlAnswer;
  }

  async function registerParty(input: Record<string, unknown>): Promise<string> {
    const answer = await graphql(
      'mutation ($input: RegisterPartyInput!) { registerParty(input: $input) { id } }',
      machineToken,
      { input },
    );
    expect(answer.errors).toBeUndefined();
    return (answer.data!.registerParty as { id: string }).id;
  }

  /** The newest mail written to DATA_DIR/mail for the address (no SMTP server configured). */
  async function latestMailTo(email: string) {
    const folder = path.join(dataDir, 'mail');
    const files = (await readdir(folder)).sort();
    for (const file of files.reverse()) {
      const raw = await readFile(path.join(folder, file), 'utf8');
      const to = /^To:\s*(.*)$/im.exec(raw)?.[1]?.trim();
      if (to === email) return parseMail(raw, email);
    }
    throw new Error(`no mail to ${email}`);
  }

  /** Opens a mailed link and submits the page's form (with what the person types). */
  async function followLink(link: string, typed: Record<string, string> = {}) {
    const browser = new Browser({ 'accept-language': 'en' });
    const page = await browser.get(link);
    expect(page.status).toBe(200);
    return submit(browser, origin(), formsOf(await page.text())[0], typed);
  }

  const signIn = (
    email: string,
    choose?: (forms: PageForm[], html: string) => PageForm | undefined,
  ) => signInThroughPages(portal, origin(), { email, password: PASSWORD }, choose);

  /** A person whom the operator invited, after accepting with a new password: their address. */
  async function invited(
    by: string,
    role: Role,
    party?: string,
  ): Promise<{ email: string; invitation: Record<string, unknown> }> {
    const email = `${randomUUID()}@example.jp`;
    const sent = await api('POST', '/v1/invitations', by, {
      email,
      role,
      ...(party ? { party } : {}),
      language: 'en',
    });
    expect(sent.status).toBe(201);
    const mail = await latestMailTo(email);
    const accepted = await followLink(mail.link, { password: PASSWORD });
    expect(accepted.status).toBe(200);
    return { email, invitation: sent.body };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'self-service-'));
    sut = await startTestStandalone(database.url, {
      DATA_DIR: dataDir,
      DEMO: 'false',
      IDENTITY_CLIENTS: JSON.stringify([PORTAL, OPERATOR_MACHINE]),
    });
    portal = await client.discovery(
      new URL(sut.identity.issuer),
      PORTAL.client_id,
      { id_token_signed_response_alg: 'ES256' },
      client.None(),
      { execute: [client.allowInsecureRequests] },
    );
    const machine = await client.discovery(
      new URL(sut.identity.issuer),
      OPERATOR_MACHINE.client_id,
      undefined,
      client.ClientSecretBasic(OPERATOR_MACHINE.client_secret),
      { execute: [client.allowInsecureRequests] },
    );
    machineToken = (await client.clientCredentialsGrant(machine, { resource: RESOURCE }))
      .access_token;
  }, 180_000);

  afterAll(async () => {
    await sut?.stop();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** The operator person of the installation (the first operator grant is given at install). */
  let operatorToken: string;

  it('should let a new person sign up, verify the mailed link, register as a right holder and register a work of their own', async () => {
    const email = `${randomUUID()}@example.jp`;
    // Sign up on the pages of a sign-in.
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
    const signUpHref = /href="([^"]*\/sign-up[^"]*)"/.exec(await signInPage.text())?.[1];
    const signUpPage = await browser.get(new URL(signUpHref!.replace(/&amp;/g, '&'), origin()));
    const signedUp = await submit(browser, origin(), formsOf(await signUpPage.text())[0], {
      email,
      password: PASSWORD,
    });
    expect(signedUp.status).toBe(200);
    const mail = await latestMailTo(email);
    expect((await followLink(mail.link)).status).toBe(200);

    const { tokens } = await signIn(email);
    expect(decodeJwt(tokens.access_token).role).toBeUndefined();
    expect((await api('GET', '/v1/me/grants', tokens.access_token)).body).toEqual({ grants: [] });

    const registered = await api('POST', '/v1/me/right-holder', tokens.access_token, {
      name: 'Aoi Sato',
      country: 'JP',
    });
    expect(registered.status).toBe(201);
    const grant = registered.body.grant as { id: string; party: { id: string; kind: string } };
    expect(grant.party).toMatchObject({ kind: 'RIGHT_HOLDER', name: 'Aoi Sato' });
    // Asked again: the same party and grant, never a second party.
    const again = await api('POST', '/v1/me/right-holder', tokens.access_token, {
      name: 'Aoi Sato',
      country: 'JP',
    });
    expect(again.body.grant).toEqual(registered.body.grant);

    const refreshed = await client.refreshTokenGrant(portal, tokens.refresh_token!);
    expect(decodeJwt(refreshed.access_token)).toMatchObject({
      role: Role.RIGHT_HOLDER,
      party: grant.party.id,
    });
    const me = await graphql('{ me { id kind name } }', refreshed.access_token);
    expect(me.data?.me).toEqual({ id: grant.party.id, kind: 'RIGHT_HOLDER', name: 'Aoi Sato' });
    const work = await graphql(
      'mutation ($input: RegisterWorkInput!) { registerWork(input: $input) { id title } }',
      refreshed.access_token,
      {
        input: {
          idempotencyKey: randomUUID(),
          title: 'My First Song',
          category: 'MUSIC',
          shares: [{ holderId: grant.party.id, rightType: 'MAKING_AVAILABLE', shareBps: 10_000 }],
        },
      },
    );
    expect(work.errors).toBeUndefined();
    expect(work.data?.registerWork).toMatchObject({ title: 'My First Song' });

    // The right holder may not invite anyone.
    const refused = await api('POST', '/v1/invitations', refreshed.access_token, {
      email: `${randomUUID()}@example.jp`,
      role: Role.RIGHT_HOLDER,
      party: grant.party.id,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/only the operator, society admins and platform staff/);
  });

  it('should let an invited society admin accept, act as SOCIETY_ADMIN, invite a member, and lose the role at the refresh after it is taken back', async () => {
    // The installation's first operator: an account given the OPERATOR grant at install.
    const operatorEmail = `${randomUUID()}@example.jp`;
    const bootstrap = new pg.Client({ connectionString: database.url });
    await bootstrap.connect();
    try {
      const accountId = randomUUID();
      await bootstrap.query(
        `INSERT INTO identity.accounts (id, email, password_hash, language, email_verified_at, created_at, password_changed_at)
         VALUES ($1, $2, $3, 'en', now(), now(), now())`,
        [accountId, operatorEmail, await hashPassword(PASSWORD)],
      );
      await bootstrap.query(
        `INSERT INTO identity.grants (id, account_id, role, party_id, party_key, granted_by, created_at)
         VALUES ($1, $2, 'OPERATOR', NULL, '', 'install', now())`,
        [randomUUID(), accountId],
      );
    } finally {
      await bootstrap.end();
    }
    operatorToken = (await signIn(operatorEmail)).tokens.access_token;
    expect(decodeJwt(operatorToken).role).toBe(Role.OPERATOR);

    const society = await registerParty({ kind: 'SOCIETY', name: 'Music Society', country: 'JP' });
    const admin = await invited(operatorToken, Role.SOCIETY_ADMIN, society);
    const { tokens } = await signIn(admin.email);
    expect(decodeJwt(tokens.access_token)).toMatchObject({
      role: Role.SOCIETY_ADMIN,
      party: society,
    });
    const me = await graphql('{ me { id kind } }', tokens.access_token);
    expect(me.data?.me).toEqual({ id: society, kind: 'SOCIETY' });

    // The registry's refusals come back as sentences (an IPI name number with bad check digits).
    const badIpi = await api('POST', '/v1/me/right-holder', tokens.access_token, {
      name: 'Admin As Creator',
      country: 'JP',
      ipiNameNumber: '00000000001',
    });
    expect(badIpi.status).toBe(400);
    expect(badIpi.body.message).toMatch(/^the rights registry refused: .*IPI/i);

    // The admin invites a right holder of a member's party, not of a stranger's.
    const member = await registerParty({
      kind: 'RIGHT_HOLDER',
      name: 'Member',
      country: 'JP',
      memberOfSocietyId: society,
    });
    const stranger = await registerParty({ kind: 'RIGHT_HOLDER', name: 'Stranger', country: 'JP' });
    const toMember = await api('POST', '/v1/invitations', tokens.access_token, {
      email: `${randomUUID()}@example.jp`,
      role: Role.RIGHT_HOLDER,
      party: member,
    });
    expect(toMember.status).toBe(201);
    const toStranger = await api('POST', '/v1/invitations', tokens.access_token, {
      email: `${randomUUID()}@example.jp`,
      role: Role.RIGHT_HOLDER,
      party: stranger,
    });
    expect(toStranger.status).toBe(403);
    expect(toStranger.body.message).toMatch(/right holders of its members/);

    // The operator takes the grant back: the next refresh carries no role, the API refuses it.
    const [held] = (await api('GET', '/v1/me/grants', tokens.access_token)).body.grants as {
      id: string;
    }[];
    expect((await api('DELETE', `/v1/grants/${held!.id}`, operatorToken)).status).toBe(204);
    const after = await client.refreshTokenGrant(portal, tokens.refresh_token!);
    expect(decodeJwt(after.access_token).role).toBeUndefined();
    const refused = await graphql('{ me { id } }', after.access_token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('should let a person with two grants choose at sign-in and switch by token exchange', async () => {
    const platform = await registerParty({ kind: 'PLATFORM', name: 'Video Site', country: 'JP' });
    const society = await registerParty({ kind: 'SOCIETY', name: 'Second Society', country: 'JP' });
    const person = await invited(operatorToken, Role.PLATFORM, platform);
    // The same address invited again, to a second grant: accepted with its password.
    const second = await api('POST', '/v1/invitations', operatorToken, {
      email: person.email,
      role: Role.SOCIETY_ADMIN,
      party: society,
      language: 'en',
    });
    expect(second.status).toBe(201);
    expect(
      (await followLink((await latestMailTo(person.email)).link, { password: PASSWORD })).status,
    ).toBe(200);

    const grants = (
      await api(
        'GET',
        '/v1/me/grants',
        (await signIn(person.email, (forms) => forms[0])).tokens.access_token,
      )
    ).body.grants as { id: string; role: string }[];
    const staffGrant = grants.find((grant) => grant.role === String(Role.PLATFORM))!;
    const adminGrant = grants.find((grant) => grant.role === String(Role.SOCIETY_ADMIN))!;

    const { tokens, actAsPage } = await signIn(person.email, (forms) =>
      forms.find((form) => form.fields.grant === staffGrant.id),
    );
    expect(actAsPage).toContain('Continue as platform staff of Video Site');
    expect(decodeJwt(tokens.access_token)).toMatchObject({ role: Role.PLATFORM, party: platform });
    expect((await graphql('{ me { id } }', tokens.access_token)).data?.me).toEqual({
      id: platform,
    });

    const switched = await client.genericGrantRequest(portal, TOKEN_EXCHANGE, {
      subject_token: tokens.refresh_token!,
      subject_token_type: REFRESH_TOKEN_TYPE,
      acting_grant: adminGrant.id,
      resource: RESOURCE,
    });
    expect(decodeJwt(switched.access_token)).toMatchObject({
      role: Role.SOCIETY_ADMIN,
      party: society,
    });
    expect((await graphql('{ me { id } }', switched.access_token)).data?.me).toEqual({
      id: society,
    });
  });
});
