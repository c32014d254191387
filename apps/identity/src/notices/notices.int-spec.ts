import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as client from 'openid-client';
import pino from 'pino';
import { OPERATOR_CLIENT_ID } from '#libs/auth';
import { Role } from '#libs/contracts';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { PersonalData } from '../account-self/application/personal-data/personal-data.js';
import { AccountSelfStore } from '../account-self/infrastructure/account-self.store.js';
import { follow, signInToAccountPage } from '../account-self/testing/signed-in-browser.js';
import { AccountStore } from '../accounts/infrastructure/account.store.js';
import { hashPassword } from '../accounts/infrastructure/password-hashing.js';
import { GrantStore } from '../grants/infrastructure/grant.store.js';
import { callApi } from '../grants/testing/people.js';
import { startIdentityForTest, type RunningIdentity } from '../identity.testing.js';
import { startSmtp, type ReceivedMail } from '../mail/testing/smtp.js';
import { formsOf, type PageForm } from '../pages/testing/browser.js';

const RESOURCE = 'urn:clearinghouse:api';
const PASSWORD = 'a-password-nobody-types';

const machine = (client_id: string, role: Role, party?: string) => ({
  client_id,
  client_secret: randomBytes(24).toString('hex'),
  grant_types: ['client_credentials'],
  response_types: [],
  redirect_uris: [],
  role,
  ...(party ? { party } : {}),
});
const OPERATOR = machine(OPERATOR_CLIENT_ID, Role.OPERATOR);
const HOLDER_MACHINE = machine('holder-machine', Role.RIGHT_HOLDER, randomUUID());

describe('notices mailed to people: POST /internal/notices and the notices on the account page', () => {
  let database: TestDatabase;
  let dataDir: string;
  let running: RunningIdentity;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let accounts: AccountStore;
  let grants: GrantStore;
  let operatorToken: string;
  const logged: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'identity-notices-'));
    smtp = await startSmtp();
    const logger = pino(
      { level: 'trace' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          logged.push(chunk.toString('utf8'));
          done();
        },
      }),
    );
    running = await startIdentityForTest(
      database.url,
      dataDir,
      { IDENTITY_CLIENTS: JSON.stringify([OPERATOR, HOLDER_MACHINE]), MAIL_SMTP_URL: smtp.url },
      logger,
    );
    accounts = new AccountStore(running.dataSource);
    grants = new GrantStore(running.dataSource);
    operatorToken = await tokenOf(OPERATOR);
  });

  afterAll(async () => {
    await running?.app.close();
    await smtp?.close();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const origin = () => new URL(running.issuer).origin;

  /** An access token of a configured machine client, by a real client-credentials grant. */
  async function tokenOf(machineClient: { client_id: string; client_secret: string }) {
    const configuration = await client.discovery(
      new URL(running.issuer),
      machineClient.client_id,
      undefined,
      client.ClientSecretBasic(machineClient.client_secret),
      { execute: [client.allowInsecureRequests] },
    );
    return (await client.clientCredentialsGrant(configuration, { resource: RESOURCE }))
      .access_token;
  }

  /** A person with an account in this language, verified unless said otherwise. */
  async function person(language: 'ja' | 'en', verified = true) {
    const email = `${randomUUID()}@example.jp`;
    const account = await accounts.create({
      email,
      passwordHash: await hashPassword(PASSWORD),
      language,
    });
    if (verified) await accounts.markVerified(account!.id);
    return { id: account!.id, email };
  }

  async function grant(accountId: string, role: Role, partyId: string) {
    return grants.give({
      accountId,
      role,
      party: {
        id: partyId,
        name: 'A party',
        kind: role === Role.PLATFORM ? 'PLATFORM' : 'RIGHT_HOLDER',
      },
      grantedBy: 'self-service',
    });
  }

  function sendNotice(body: unknown, token: string | undefined = operatorToken) {
    return callApi(origin(), 'POST', '/internal/notices', token, body);
  }

  function statementNotice(partyId: string, noticeId = randomUUID()) {
    return {
      noticeId,
      partyId,
      kind: 'STATEMENT_AVAILABLE',
      params: {
        periodFrom: '2026-10-01',
        periodTo: '2026-10-31',
        category: 'MUSIC',
        amount: { amountMinor: '1234567', currency: 'JPY' },
        path: `/money/statements/${randomUUID()}`,
      },
    };
  }

  const mailsTo = (email: string): ReceivedMail[] => smtp.mails.filter((m) => m.to === email);

  function formTo(html: string, action: string): PageForm {
    const form = formsOf(html).find((f) => f.action === action);
    if (!form) throw new Error(`the page has no form to ${action}`);
    return form;
  }

  /** Posts the notices form as a browser would: the ticked kinds and the chosen language. */
  async function chooseNotices(
    email: string,
    choice: { language: string; wanted: string[] },
  ): Promise<{ status: number; html: string }> {
    const { browser, html } = await signInToAccountPage(origin(), email, PASSWORD, {
      'accept-language': 'en',
    });
    const form = formTo(html, '/account/notices');
    const response = await browser.post(new URL(form.action, origin()), {
      lang: 'en',
      csrf: form.fields.csrf ?? '',
      noticeLanguage: choice.language,
      ...Object.fromEntries(choice.wanted.map((kind) => [kind, 'on'])),
    });
    if (response.status !== 303) return { status: response.status, html: await response.text() };
    const page = await follow(browser, origin(), response);
    return { status: 303, html: await page.response.text() };
  }

  it('should mail the people of the party who want the kind, each in their language, with the page made absolute', async () => {
    const party = randomUUID();
    const hanako = await person('ja');
    const alice = await person('ja');
    const muted = await person('en');
    const stranger = await person('en');
    const unverified = await person('en', false);
    const gone = await person('en');
    await grant(hanako.id, Role.RIGHT_HOLDER, party);
    await grant(alice.id, Role.RIGHT_HOLDER, party);
    await grant(muted.id, Role.RIGHT_HOLDER, party);
    await grant(unverified.id, Role.RIGHT_HOLDER, party);
    await grants.revoke(await grant(gone.id, Role.RIGHT_HOLDER, party));
    await grant(stranger.id, Role.RIGHT_HOLDER, randomUUID());
    // Alice's account speaks Japanese, but she chose English for notices on her account page.
    const chosen = await chooseNotices(alice.email, {
      language: 'en',
      wanted: ['OPT_OUT_CONFIRMED', 'STATEMENT_AVAILABLE', 'CLAIM_SETTLED', 'DISPUTE_OPENED'],
    });
    expect(chosen.status).toBe(303);
    expect(chosen.html).toContain('Your notice settings are saved.');
    const off = await chooseNotices(muted.email, {
      language: 'en',
      wanted: ['OPT_OUT_CONFIRMED', 'CLAIM_SETTLED', 'DISPUTE_OPENED'],
    });
    expect(off.html).not.toMatch(/id="notice-STATEMENT_AVAILABLE"[^>]*checked/);
    expect(off.html).toMatch(/id="notice-DISPUTE_OPENED"[^>]*checked/);

    const notice = statementNotice(party);
    const answer = await sendNotice(notice);

    expect(answer).toEqual({ status: 200, body: { recipients: 2 } });
    const link = `${origin()}${notice.params.path}`;
    const [toHanako] = mailsTo(hanako.email);
    expect(toHanako?.subject).toBe('分配の明細をご覧いただけます');
    expect(toHanako?.text).toContain('￥1,234,567');
    expect(toHanako?.link).toBe(link);
    const [toAlice] = mailsTo(alice.email);
    expect(toAlice?.subject).toBe('Your statement is ready');
    expect(toAlice?.text).toContain('¥1,234,567');
    expect(toAlice?.text).toContain(`${origin()}/account?lang=en#notices-heading`);
    for (const nobody of [muted, stranger, unverified, gone]) {
      expect(mailsTo(nobody.email)).toEqual([]);
    }
    // The muted kind is off only: another kind still reaches the person.
    await sendNotice({
      noticeId: randomUUID(),
      partyId: party,
      kind: 'DISPUTE_OPENED',
      params: { workTitle: 'Blue Train', reason: 'Mine', openedAt: '2026-12-01', path: '/works' },
    });
    expect(mailsTo(muted.email).map((m) => m.subject)).toEqual([
      'A dispute was opened on one of your works',
    ]);
    // Nothing personal in the logs: no address, no text of a mail.
    const log = logged.join('');
    for (const someone of [hanako, alice, muted]) expect(log).not.toContain(someone.email);
    expect(log).toContain(notice.noticeId);
  });

  it('should mail nobody twice when the same notice comes again', async () => {
    const party = randomUUID();
    const first = await person('ja');
    const second = await person('en');
    await grant(first.id, Role.PLATFORM, party);
    await grant(second.id, Role.RIGHT_HOLDER, party);
    const notice = statementNotice(party);

    expect(await sendNotice(notice)).toEqual({ status: 200, body: { recipients: 2 } });
    expect(await sendNotice(notice)).toEqual({ status: 200, body: { recipients: 2 } });
    const [again, concurrently] = await Promise.all([sendNotice(notice), sendNotice(notice)]);
    expect(again?.body).toEqual({ recipients: 2 });
    expect(concurrently?.body).toEqual({ recipients: 2 });

    expect(mailsTo(first.email)).toHaveLength(1);
    expect(mailsTo(second.email)).toHaveLength(1);
  });

  it('should answer 503 when the mail server refuses a person, and mail only the rest when the notice comes again', async () => {
    const party = randomUUID();
    const people = [await person('ja'), await person('en')].sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const someone of people) await grant(someone.id, Role.RIGHT_HOLDER, party);
    const [reached, refused] = people as [(typeof people)[0], (typeof people)[0]];
    const notice = statementNotice(party);

    // People are mailed in the order of their ids: the first gets it, the second is refused.
    smtp.refused.add(refused.email);
    const failed = await sendNotice(notice);
    expect(failed.status).toBe(503);
    expect(failed.body.message).toMatch(/send it again later/);
    expect(mailsTo(reached.email)).toHaveLength(1);
    expect(JSON.stringify(failed.body)).not.toContain(refused.email);

    smtp.refused.delete(refused.email);
    expect(await sendNotice(notice)).toEqual({ status: 200, body: { recipients: 2 } });
    expect(mailsTo(reached.email)).toHaveLength(1);
    expect(mailsTo(refused.email)).toHaveLength(1);
    expect(logged.join('')).not.toContain(refused.email);
  });

  it('should refuse a caller that is not the operator, and a notice that is not one, with a sentence', async () => {
    const party = randomUUID();
    const someone = await person('en');
    await grant(someone.id, Role.RIGHT_HOLDER, party);
    const notice = statementNotice(party);

    const holder = await sendNotice(notice, await tokenOf(HOLDER_MACHINE));
    expect(holder.status).toBe(403);
    expect(holder.body.message).toMatch(/only the operator's clients may send notices/);
    const anonymous = await sendNotice(notice, '');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.message).toMatch(/Authorization: Bearer/);
    const forged = await sendNotice(notice, `${operatorToken.slice(0, -4)}AAAA`);
    expect(forged.status).toBe(401);

    const bad = await sendNotice({
      ...notice,
      params: { ...notice.params, path: 'https://x.example/' },
    });
    expect(bad).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        code: 'INVALID_REQUEST',
        message: expect.stringContaining('params.path must be a path of the portal'),
      },
    });
    const noKind = await sendNotice({ ...notice, kind: 'SOMETHING' });
    expect(noKind.status).toBe(400);
    expect(noKind.body.message).toMatch(/^kind must be one of OPT_OUT_CONFIRMED/);
    expect(mailsTo(someone.email)).toEqual([]);
  });

  it("should erase a person's notice choices and deliveries with their account, and show them in the data export", async () => {
    const party = randomUUID();
    const someone = await person('en');
    await grant(someone.id, Role.RIGHT_HOLDER, party);
    await chooseNotices(someone.email, { language: 'ja', wanted: ['CLAIM_SETTLED'] });
    await sendNotice({
      noticeId: randomUUID(),
      partyId: party,
      kind: 'CLAIM_SETTLED',
      params: {
        amount: { amountMinor: '500', currency: 'JPY' },
        settledAt: '2026-12-01T00:00:00Z',
        path: '/money/claims',
      },
    });
    expect(mailsTo(someone.email).map((m) => m.subject)).toEqual([
      'お預かりしていたお金の請求が認められました',
    ]);
    const exported = await running.app.get(PersonalData).export(someone.id);
    expect(exported.mailPreferences).toEqual({
      language: 'ja',
      kinds: {
        OPT_OUT_CONFIRMED: false,
        STATEMENT_AVAILABLE: false,
        CLAIM_SETTLED: true,
        DISPUTE_OPENED: false,
        WEBHOOK_ENDPOINT_DISABLED: false,
      },
    });

    await new AccountSelfStore(running.dataSource).erase(someone);

    for (const table of ['mail_preferences', 'notice_deliveries']) {
      const rows = await running.dataSource.query<unknown[]>(
        `SELECT 1 FROM identity.${table} WHERE account_id = $1`,
        [someone.id],
      );
      expect(rows).toEqual([]);
    }
  });

  it('should refuse a notice language that is not one of ours on the account page, changing nothing', async () => {
    const someone = await person('ja');
    const refused = await chooseNotices(someone.email, { language: 'fr', wanted: [] });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('<a href="#notice-language">Choose Japanese or English.</a>');
    const rows = await running.dataSource.query<unknown[]>(
      'SELECT 1 FROM identity.mail_preferences WHERE account_id = $1',
      [someone.id],
    );
    expect(rows).toEqual([]);
  });
});
