import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as client from 'openid-client';
import { Role } from '#libs/contracts';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { AuditEvent } from '../accounts/domain/audit-event.js';
import { AccountStore } from '../accounts/infrastructure/account.store.js';
import { hashPassword } from '../accounts/infrastructure/password-hashing.js';
import { GrantStore } from '../grants/infrastructure/grant.store.js';
import { callApi, REDIRECT_URI, signInThroughPages } from '../grants/testing/people.js';
import { startIdentityForTest, type RunningIdentity } from '../identity.testing.js';
import { startSmtp } from '../mail/testing/smtp.js';
import { Browser, formsOf } from '../pages/testing/browser.js';

const PASSWORD = 'a-password-nobody-types';
const PORTAL = {
  client_id: 'portal',
  token_endpoint_auth_method: 'none',
  redirect_uris: [REDIRECT_URI],
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
};

const machine = (clientId: string, role: Role, party?: string) => ({
  client_id: clientId,
  client_secret: `${clientId}-secret-of-at-least-32-characters`,
  grant_types: ['client_credentials'],
  redirect_uris: [],
  response_types: [],
  role,
  ...(party ? { party } : {}),
});
const OPERATOR_MACHINE = machine('operator-machine', Role.OPERATOR);
const PLATFORM_MACHINE = machine('platform-machine', Role.PLATFORM, randomUUID());

/** The rights registry's answers the invitations need: parties, and who is whose member. */
const parties = new Map<string, { id: string; kind: string; name: string }>();
const members = new Set<string>();
let registryDown = false;
const registry = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString()));
  request.on('end', () => {
    if (registryDown) {
      response.statusCode = 503;
      response.end('down');
      return;
    }
    const { variables } = JSON.parse(body) as { variables: { id: string; society?: string } };
    const party = parties.get(variables.id);
    const answer = variables.society
      ? { party: party ? { memberOf: members.has(`${variables.id}|${variables.society}`) } : null }
      : { party: party ?? null };
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ data: answer }));
  });
});
function registryParty(kind: string, name: string) {
  const party = { id: randomUUID(), kind, name };
  parties.set(party.id, party);
  return party;
}

describe('invitations: sent by mail, accepted on their page, listed and withdrawn', () => {
  let database: TestDatabase;
  let dataDir: string;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let running: RunningIdentity;
  let portal: client.Configuration;
  let accounts: AccountStore;
  let grants: GrantStore;
  let operatorToken: string;

  const origin = () => new URL(running.issuer).origin;
  const api = (method: string, route: string, token?: string, body?: unknown) =>
    callApi(origin(), method, route, token, body);

  async function person(role?: Role, party?: { id: string; name: string; kind: string }) {
    const email = `${randomUUID()}@example.jp`;
    const account = await accounts.create({
      email,
      passwordHash: await hashPassword(PASSWORD),
      language: 'en',
    });
    await accounts.markVerified(account!.id);
    if (role) await grants.give({ accountId: account!.id, role, party, grantedBy: 'operator' });
    const { tokens } = await signInThroughPages(portal, origin(), { email, password: PASSWORD });
    return { id: account!.id, email, token: tokens.access_token };
  }

  const mailTo = (email: string) => smtp.mails.filter((mail) => mail.to === email);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'identity-invitations-'));
    smtp = await startSmtp();
    await new Promise<void>((listening) => registry.listen(0, '127.0.0.1', listening));
    const { port } = registry.address() as { port: number };
    running = await startIdentityForTest(database.url, dataDir, {
      IDENTITY_CLIENTS: JSON.stringify([PORTAL, OPERATOR_MACHINE, PLATFORM_MACHINE]),
      MAIL_SMTP_URL: smtp.url,
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
    operatorToken = (await person(Role.OPERATOR)).token;
  });

  afterAll(async () => {
    await running?.app.close();
    await smtp?.close();
    registry.close();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** A machine's access token by client credentials. */
  async function machineToken(client_: { client_id: string; client_secret: string }) {
    const configuration = await client.discovery(
      new URL(running.issuer),
      client_.client_id,
      undefined,
      client.ClientSecretPost(client_.client_secret),
      { execute: [client.allowInsecureRequests] },
    );
    const tokens = await client.clientCredentialsGrant(configuration, {
      resource: 'urn:clearinghouse:api',
    });
    return tokens.access_token;
  }

  it("should let the operator's machine invite an installation's first operator, and no other machine invite", async () => {
    const email = `${randomUUID()}@example.jp`;
    const operatorMachine = await machineToken(OPERATOR_MACHINE);
    const invited = await api('POST', '/v1/invitations', operatorMachine, {
      email,
      role: Role.OPERATOR,
      language: 'en',
    });
    expect(invited).toMatchObject({ status: 201, body: { email, role: 'OPERATOR' } });
    expect(mailTo(email)[0]?.text).toContain('The operator invites you to act as operator');
    const listed = await api('GET', '/v1/invitations', operatorMachine);
    expect(JSON.stringify(listed.body)).toContain(email);

    const platformMachine = await machineToken(PLATFORM_MACHINE);
    const refused = await api('POST', '/v1/invitations', platformMachine, {
      email: `${randomUUID()}@example.jp`,
      role: Role.PLATFORM,
      party: PLATFORM_MACHINE.party,
    });
    expect(refused.status).toBe(401);
    expect(JSON.stringify(refused.body)).toContain("takes a person's access token");
  });

  it('should mail an invitation, answer the same one when asked again with a fresh link, and let a new person accept it by creating a verified account', async () => {
    const email = `${randomUUID()}@example.jp`;
    const first = await api('POST', '/v1/invitations', operatorToken, {
      email,
      role: Role.OPERATOR,
      language: 'en',
    });
    expect(first).toMatchObject({
      status: 201,
      body: { email, role: 'OPERATOR', status: 'PENDING' },
    });
    const again = await api('POST', '/v1/invitations', operatorToken, {
      email: email.toUpperCase(),
      role: Role.OPERATOR,
      language: 'en',
    });
    expect(again.body.id).toBe(first.body.id);
    const [oldMail, mail] = mailTo(email);
    expect(mail?.subject).toBe('You are invited as operator');
    expect(mail?.text).toContain('The operator invites you to act as operator');
    expect(new URL(mail!.link).pathname).toBe('/account/invitation');
    // The newest mail is the one that works.
    expect((await new Browser().get(oldMail!.link)).status).toBe(410);

    const browser = new Browser();
    const page = await browser.get(mail!.link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(email);
    const [form] = formsOf(html);
    const weak = await browser.post(new URL(form!.action, origin()), {
      ...form!.fields,
      password: 'short',
    });
    expect(weak.status).toBe(400);
    expect(await weak.text()).toContain('at least 12 characters');
    const accepted = await browser.post(new URL(form!.action, origin()), {
      ...form!.fields,
      password: PASSWORD,
    });
    expect(accepted.status).toBe(200);
    expect(await accepted.text()).toContain('You are now operator');

    const account = await accounts.findByEmail(email);
    expect(account?.emailVerifiedAt).toEqual(expect.any(Date));
    expect(await grants.active(account!.id)).toEqual([
      expect.objectContaining({
        role: 'OPERATOR',
        grantedBy: `invitation:${String(first.body.id)}`,
      }),
    ]);
    const events = await running.dataSource.query<{ event: string }[]>(
      `SELECT "event" FROM "identity"."account_audit" WHERE "account_id" = $1`,
      [account!.id],
    );
    expect(events.map(({ event }) => event)).toEqual(
      expect.arrayContaining([AuditEvent.GRANT_GIVEN, AuditEvent.GRANT_ACCEPTED]),
    );
    // Used once.
    expect((await new Browser().get(mail!.link)).status).toBe(410);
    const { tokens } = await signInThroughPages(portal, origin(), { email, password: PASSWORD });
    expect(tokens.access_token).toEqual(expect.any(String));
  });

  it('should take the password of an account that has the address, and refuse a wrong one', async () => {
    const invitee = await person();
    await api('POST', '/v1/invitations', operatorToken, {
      email: invitee.email,
      role: Role.OPERATOR,
      language: 'ja',
    });
    const [mail] = mailTo(invitee.email);
    expect(mail?.subject).toBe('運営者への招待');
    const browser = new Browser();
    const [form] = formsOf(await (await browser.get(mail!.link)).text());
    const wrong = await browser.post(new URL(form!.action, origin()), {
      ...form!.fields,
      password: 'not-the-password-at-all',
    });
    expect(wrong.status).toBe(401);
    expect(await grants.active(invitee.id)).toEqual([]);
    const right = await browser.post(new URL(form!.action, origin()), {
      ...form!.fields,
      password: PASSWORD,
    });
    expect(right.status).toBe(200);
    expect(await grants.active(invitee.id)).toHaveLength(1);
  });

  it('should list what the caller sent, let the sender withdraw it, and answer others 404', async () => {
    const email = `${randomUUID()}@example.jp`;
    const sent = await api('POST', '/v1/invitations', operatorToken, {
      email,
      role: Role.OPERATOR,
    });
    const listed = await api('GET', '/v1/invitations', operatorToken);
    expect(listed.body.invitations).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: sent.body.id, status: 'PENDING' })]),
    );
    const stranger = await person();
    expect(
      (await api('DELETE', `/v1/invitations/${String(sent.body.id)}`, stranger.token)).status,
    ).toBe(404);
    expect((await api('GET', '/v1/invitations', stranger.token)).body).toEqual({ invitations: [] });
    expect(
      (await api('DELETE', `/v1/invitations/${String(sent.body.id)}`, operatorToken)).status,
    ).toBe(204);
    const [mail] = mailTo(email);
    expect((await new Browser().get(mail!.link)).status).toBe(410);
    const after = await api('GET', '/v1/invitations', operatorToken);
    expect(after.body.invitations).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: sent.body.id, status: 'WITHDRAWN' })]),
    );
  });

  it('should refuse whoever may not invite to that grant, with a sentence, and mail nothing', async () => {
    const before = smtp.mails.length;
    const nobody = await person();
    const refused = await api('POST', '/v1/invitations', nobody.token, {
      email: 'x@example.jp',
      role: Role.RIGHT_HOLDER,
      party: randomUUID(),
    });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/only the operator, society admins and platform staff/);

    const platform = { id: randomUUID(), name: 'Video Site', kind: 'PLATFORM' };
    const staff = await person(Role.PLATFORM, platform);
    const elsewhere = await api('POST', '/v1/invitations', staff.token, {
      email: 'y@example.jp',
      role: Role.SOCIETY_ADMIN,
      party: randomUUID(),
    });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.message).toMatch(/staff of their own platform/);

    const bad = await api('POST', '/v1/invitations', operatorToken, {
      email: 'not an address',
      role: Role.OPERATOR,
    });
    expect(bad).toMatchObject({
      status: 400,
      body: { message: 'email must be an e-mail address' },
    });
    expect(smtp.mails.length).toBe(before);
  });
  /** The invitation page's form of the last mail to the address, and the browser holding it. */
  async function invitationForm(email: string) {
    const mail = mailTo(email).at(-1);
    const browser = new Browser();
    const [form] = formsOf(await (await browser.get(mail!.link)).text());
    const accept = (password: string) =>
      browser.post(new URL(form!.action, origin()), { ...form!.fields, password });
    return { link: mail!.link, accept };
  }

  it("should not verify an unverified account's address on a wrong password, and verify it with the right one", async () => {
    const email = `${randomUUID()}@example.jp`;
    const squatted = await accounts.create({
      email,
      passwordHash: await hashPassword('someone-elses-password-1'),
      language: 'en',
    });
    await api('POST', '/v1/invitations', operatorToken, { email, role: Role.OPERATOR });
    const { accept } = await invitationForm(email);
    expect((await accept('the-invitees-own-password')).status).toBe(401);
    expect((await accounts.findById(squatted!.id))?.emailVerifiedAt).toBeNull();
    expect(await grants.active(squatted!.id)).toEqual([]);

    expect((await accept('someone-elses-password-1')).status).toBe(200);
    expect((await accounts.findById(squatted!.id))?.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await grants.active(squatted!.id)).toHaveLength(1);
  });

  it('should not accept by password alone for an account that confirms sign-ins with a passkey', async () => {
    const invitee = await person();
    await running.dataSource.query(
      `UPDATE "identity"."accounts" SET "passkey_second_factor" = true WHERE "id" = $1`,
      [invitee.id],
    );
    await api('POST', '/v1/invitations', operatorToken, {
      email: invitee.email,
      role: Role.OPERATOR,
      language: 'en',
    });
    const { accept, link } = await invitationForm(invitee.email);
    const refused = await accept(PASSWORD);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('cannot be accepted with the password alone');
    expect(await grants.active(invitee.id)).toEqual([]);
    expect((await new Browser().get(link)).status).toBe(200);
  });

  it("should withdraw an inviter's pending invitations when the grant they were sent under is taken back", async () => {
    const inviter = await person(Role.OPERATOR);
    const email = `${randomUUID()}@example.jp`;
    const sent = await api('POST', '/v1/invitations', inviter.token, {
      email,
      role: Role.OPERATOR,
    });
    expect(sent.status).toBe(201);
    const [grant] = await grants.active(inviter.id);
    expect((await api('DELETE', `/v1/grants/${grant!.id}`, operatorToken)).status).toBe(204);

    const [mail] = mailTo(email);
    expect((await new Browser().get(mail!.link)).status).toBe(410);
    const [row] = await running.dataSource.query<{ withdrawn_at: Date | null }[]>(
      `SELECT "withdrawn_at" FROM "identity"."invitations" WHERE "id" = $1`,
      [sent.body.id],
    );
    expect(row?.withdrawn_at).toBeInstanceOf(Date);
  });

  it('should refuse at acceptance an invitation whose inviter no longer holds the role, and withdraw it', async () => {
    const platform = registryParty('PLATFORM', 'Music Site');
    const staff = await person(Role.PLATFORM, platform);
    const email = `${randomUUID()}@example.jp`;
    const sent = await api('POST', '/v1/invitations', staff.token, {
      email,
      role: Role.PLATFORM,
      party: platform.id,
    });
    expect(sent.status).toBe(201);
    // Taken back without the withdrawal that goes with it (as by a hand in the database).
    await running.dataSource.query(
      `UPDATE "identity"."grants" SET "revoked_at" = now() WHERE "account_id" = $1`,
      [staff.id],
    );
    const { accept, link } = await invitationForm(email);
    expect((await accept(PASSWORD)).status).toBe(410);
    expect(await accounts.findByEmail(email)).toBeNull();
    expect((await new Browser().get(link)).status).toBe(410);
  });

  it("should refuse at acceptance a society admin's invitation of a party that is no longer a member", async () => {
    const society = registryParty('SOCIETY', 'Music Society');
    const holder = registryParty('RIGHT_HOLDER', 'A Composer');
    members.add(`${holder.id}|${society.id}`);
    const admin = await person(Role.SOCIETY_ADMIN, society);
    const [stays, leaves] = [`${randomUUID()}@example.jp`, `${randomUUID()}@example.jp`];
    for (const email of [stays, leaves]) {
      const sent = await api('POST', '/v1/invitations', admin.token, {
        email,
        role: Role.RIGHT_HOLDER,
        party: holder.id,
      });
      expect(sent.status).toBe(201);
    }
    const staying = await invitationForm(stays);
    expect((await staying.accept(PASSWORD)).status).toBe(200);

    const leaving = await invitationForm(leaves);
    registryDown = true;
    const later = await leaving.accept(PASSWORD).finally(() => (registryDown = false));
    expect(later.status).toBe(503);
    expect(await later.text()).toContain('今は確かめられません');

    members.delete(`${holder.id}|${society.id}`);
    expect((await leaving.accept(PASSWORD)).status).toBe(410);
    expect(await accounts.findByEmail(leaves)).toBeNull();
  });

  it("should keep an invitation of the operator's machine valid while its client acts as the operator", async () => {
    const email = `${randomUUID()}@example.jp`;
    const operatorMachine = await machineToken(OPERATOR_MACHINE);
    await api('POST', '/v1/invitations', operatorMachine, { email, role: Role.OPERATOR });
    const { accept } = await invitationForm(email);
    expect((await accept('a-new-operators-password')).status).toBe(200);
    const account = await accounts.findByEmail(email);
    expect((await grants.active(account!.id)).map((grant) => grant.role)).toEqual([Role.OPERATOR]);
  });

  it('should hold invitations past five mails an hour to one address, and past fifty an hour from one inviter', async () => {
    const inviter = await person(Role.OPERATOR);
    const email = `${randomUUID()}@example.jp`;
    for (let sent = 0; sent < 5; sent += 1) {
      const again = await api('POST', '/v1/invitations', inviter.token, {
        email,
        role: Role.OPERATOR,
      });
      expect(again.status).toBe(201);
    }
    const held = await api('POST', '/v1/invitations', inviter.token, {
      email,
      role: Role.OPERATOR,
    });
    expect(held.status).toBe(429);
    expect(held.body.message).toMatch(/too many invitations/);
    expect(mailTo(email)).toHaveLength(5);

    for (let sent = 5; sent < 50; sent += 1) {
      const other = await api('POST', '/v1/invitations', inviter.token, {
        email: `${randomUUID()}@example.jp`,
        role: Role.OPERATOR,
      });
      expect(other.status).toBe(201);
    }
    const fresh = `${randomUUID()}@example.jp`;
    const bulk = await api('POST', '/v1/invitations', inviter.token, {
      email: fresh,
      role: Role.OPERATOR,
    });
    expect(bulk.status).toBe(429);
    expect(mailTo(fresh)).toEqual([]);
  });

  it("should erase the person's address from invitations when they delete their account", async () => {
    const invitee = await person();
    await api('POST', '/v1/invitations', operatorToken, {
      email: invitee.email,
      role: Role.OPERATOR,
    });
    const { accept } = await invitationForm(invitee.email);
    expect((await accept(PASSWORD)).status).toBe(200);
    const platform = registryParty('PLATFORM', 'Film Site');
    const staff = await person(Role.PLATFORM, platform);
    expect(
      (
        await api('POST', '/v1/invitations', staff.token, {
          email: invitee.email,
          role: Role.PLATFORM,
          party: platform.id,
        })
      ).status,
    ).toBe(201);

    expect((await api('DELETE', '/v1/me', invitee.token)).status).toBe(204);
    const left = await running.dataSource.query<unknown[]>(
      `SELECT 1 FROM "identity"."invitations" WHERE "email" = $1`,
      [invitee.email],
    );
    expect(left).toEqual([]);
  });
});
