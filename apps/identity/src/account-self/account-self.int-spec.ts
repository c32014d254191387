import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as client from 'openid-client';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { createTestDatabase, freePort, type TestDatabase } from '#libs/testing';
import { AccountStore } from '../accounts/infrastructure/account.store.js';
import { hashPassword } from '../accounts/infrastructure/password-hashing.js';
import { PasskeyStore } from '../passkeys/infrastructure/passkey.store.js';
import { startIdentityForTest, type RunningIdentity } from '../identity.testing.js';
import { Browser, formsOf, type PageForm } from '../pages/testing/browser.js';
import { follow, portalTokens, signInToAccountPage } from './testing/signed-in-browser.js';

const RESOURCE = 'urn:clearinghouse:api';
const REDIRECT_URI = 'http://127.0.0.1:9/callback';
const PORTAL = {
  client_id: 'portal',
  token_endpoint_auth_method: 'none',
  redirect_uris: [REDIRECT_URI],
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
};

describe('account page and personal data: /account and /v1/me', () => {
  let database: TestDatabase;
  let dataDir: string;
  let running: RunningIdentity;
  let portal: client.Configuration;
  let smtp: SMTPServer;
  const mails: { to: string; raw: string }[] = [];
  const lines: string[] = [];
  let seq = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'identity-account-self-'));
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((address) => address.address).join(',');
          mails.push({ to, raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    const smtpPort = await freePort();
    await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
    const logger = pino(
      { level: 'trace' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString('utf8'));
          done();
        },
      }),
    );
    running = await startIdentityForTest(
      database.url,
      dataDir,
      {
        IDENTITY_CLIENTS: JSON.stringify([PORTAL]),
        MAIL_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      },
      logger,
    );
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
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const origin = () => new URL(running.issuer).origin;
  const at = (pathAndQuery: string) => new URL(pathAndQuery, origin());

  /** A verified account with this password, in English; its id and address. */
  async function account(password: string): Promise<{ id: string; email: string }> {
    seq += 1;
    const email = `person-${seq}@example.jp`;
    const store = new AccountStore(running.dataSource);
    const created = await store.create({
      email,
      passwordHash: await hashPassword(password),
      language: 'en',
    });
    await store.markVerified(created!.id);
    return { id: created!.id, email };
  }

  function formOf(html: string, action: string): PageForm {
    const form = formsOf(html).find((f) => f.action === action);
    if (!form) throw new Error(`the page has no form to ${action}`);
    return form;
  }

  function post(browser: Browser, form: PageForm, typed: Record<string, string> = {}) {
    return browser.post(at(form.action), { ...form.fields, ...typed });
  }

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('should send a stranger to sign in, then show the signed-in person their account', async () => {
    const password = 'lantern-river-okra-41';
    const { email } = await account(password);
    const stranger = await new Browser().get(at('/account'));
    expect(stranger.status).toBe(303);
    const auth = new URL(stranger.headers.get('location') ?? '');
    expect(auth.pathname).toBe('/oidc/auth');
    expect(auth.searchParams.get('client_id')).toBe('identity-account-pages');

    const { html } = await signInToAccountPage(origin(), email, password);
    expect(html).toContain('<h1>Your account</h1>');
    expect(html).toContain(`${email} (Confirmed)`);
    expect(html).toContain('<script src="/pages/passkeys.js" defer></script>');
    // The issuer here is an IP address, which no passkey can belong to: none is offered.
    expect(html).toContain('Passkeys cannot be used on a page opened by an IP address.');
    expect(html).not.toContain('data-passkey="register"');
    for (const form of formsOf(html)) expect(form.fields.csrf).toMatch(/^[\w-]{20,}$/);
  });

  it('should refuse a form whose token is not of this session', async () => {
    const password = 'lantern-river-okra-42';
    const { email } = await account(password);
    const mine = await signInToAccountPage(origin(), email, password);
    const other = await signInToAccountPage(origin(), email, password);
    const form = formOf(mine.html, '/account/language');
    const response = await other.browser.post(at(form.action), { ...form.fields, language: 'ja' });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('This form has expired');
  });

  it('should change the language', async () => {
    const password = 'lantern-river-okra-43';
    const { id, email } = await account(password);
    const { browser, html } = await signInToAccountPage(origin(), email, password);
    const response = await post(browser, formOf(html, '/account/language'), { language: 'ja' });
    expect(response.status).toBe(303);
    const [row] = await running.dataSource.query<{ language: string }[]>(
      'SELECT language FROM identity.accounts WHERE id = $1',
      [id],
    );
    expect(row!.language).toBe('ja');
    const page = await follow(browser, origin(), response);
    expect(await page.response.text()).toContain('Your language is changed.');
  });

  it('should change the password with the current one, end the other sessions and refresh tokens, audit and mail it', async () => {
    const password = 'lantern-river-okra-44';
    const { id, email } = await account(password);
    const tokens = await portalTokens(portal, origin(), REDIRECT_URI, RESOURCE, email, password);
    expect(tokens.refresh_token).toBeDefined();
    const elsewhere = await signInToAccountPage(origin(), email, password);
    const { browser, html } = await signInToAccountPage(origin(), email, password);
    const form = formOf(html, '/account/password');

    const wrong = await post(browser, form, { current: 'not-my-password-1', password: 'x' });
    expect(wrong.status).toBe(403);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain('Your current password is wrong.');
    expect(wrongHtml).toContain('href="#current-password"');

    const weak = await post(browser, form, { current: password, password: 'short' });
    expect(weak.status).toBe(400);
    expect(await weak.text()).toContain('id="new-password-error"');

    const changed = await post(browser, form, {
      current: password,
      password: 'a-new-lantern-river-45',
    });
    expect(changed.status).toBe(303);
    // This browser stays signed in; the other one and the portal's refresh token do not.
    expect((await browser.get(at('/account'))).status).toBe(200);
    expect((await elsewhere.browser.get(at('/account'))).status).toBe(303);
    await expect(client.refreshTokenGrant(portal, tokens.refresh_token!)).rejects.toThrow();
    const audit = await running.dataSource.query<unknown[]>(
      `SELECT 1 FROM identity.account_audit WHERE account_id = $1 AND event = 'password-changed'`,
      [id],
    );
    expect(audit).toHaveLength(1);
    const mail = mails.find((m) => m.to === email);
    expect(mail?.raw).toContain('Subject: Your password was changed');
    // The new password signs in.
    await signInToAccountPage(origin(), email, 'a-new-lantern-river-45');
  });

  it('should show the person their account, passkeys and recent sign-ins with their access token', async () => {
    const password = 'lantern-river-okra-46';
    const { id, email } = await account(password);
    const tokens = await portalTokens(portal, origin(), REDIRECT_URI, RESOURCE, email, password);
    const response = await fetch(at('/v1/me'), { headers: bearer(tokens.access_token) });
    expect(response.status).toBe(200);
    const me = (await response.json()) as {
      account: Record<string, unknown>;
      passkeys: unknown[];
      recentSignIns: { event: string; clientId: string }[];
    };
    expect(me.account).toMatchObject({ id, email, emailVerified: true, language: 'en' });
    expect(me.passkeys).toEqual([]);
    expect(me.recentSignIns[0]).toMatchObject({ event: 'sign-in-succeeded', clientId: 'portal' });

    const none = await fetch(at('/v1/me'));
    expect(none.status).toBe(401);
    expect(((await none.json()) as { message: string }).message).toContain('Bearer');
    const forged = await fetch(at('/v1/me'), { headers: bearer(`${tokens.access_token}x`) });
    expect(forged.status).toBe(401);
  });

  it('should export everything about the person as a download, without secrets', async () => {
    const password = 'lantern-river-okra-47';
    const { email } = await account(password);
    const tokens = await portalTokens(portal, origin(), REDIRECT_URI, RESOURCE, email, password);
    const response = await fetch(at('/v1/me/export'), { headers: bearer(tokens.access_token) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const text = await response.text();
    const data = JSON.parse(text) as { account: { email: string }; audit: unknown[] };
    expect(data.account.email).toBe(email);
    expect(data.audit.length).toBeGreaterThan(0);
    expect(text).not.toContain('scrypt$');
    expect(text).not.toContain(tokens.access_token);
    expect(text).not.toContain(tokens.refresh_token!);

    // The same from the account page, with the session.
    const { browser } = await signInToAccountPage(origin(), email, password);
    const download = await browser.get(at('/account/export'));
    expect(download.status).toBe(200);
    expect(((await download.json()) as { account: { email: string } }).account.email).toBe(email);
  });

  it('should delete the account through the API only with a token of a sign-in of the last 10 minutes, erasing it', async () => {
    const password = 'lantern-river-okra-48';
    const { id, email } = await account(password);
    const first = await portalTokens(portal, origin(), REDIRECT_URI, RESOURCE, email, password);
    // The sign-in behind the refresh token was two hours ago: its next access token says so.
    await running.dataSource.query(
      `UPDATE identity.oidc_records
          SET payload = jsonb_set(payload, '{authTime}', to_jsonb(extract(epoch FROM now())::int - 7200))
        WHERE model = 'RefreshToken' AND payload->>'accountId' = $1`,
      [id],
    );
    const old = await client.refreshTokenGrant(portal, first.refresh_token!);
    const stale = await fetch(at('/v1/me'), {
      method: 'DELETE',
      headers: bearer(old.access_token),
    });
    expect(stale.status).toBe(403);
    expect(((await stale.json()) as { message: string }).message).toContain('10 minutes');

    // A sign-in elsewhere since does not make the old token good for deleting.
    const tokens = await portalTokens(portal, origin(), REDIRECT_URI, RESOURCE, email, password);
    const still = await fetch(at('/v1/me'), {
      method: 'DELETE',
      headers: bearer(old.access_token),
    });
    expect(still.status).toBe(403);
    expect(
      await running.dataSource.query('SELECT 1 FROM identity.accounts WHERE id = $1', [id]),
    ).toHaveLength(1);

    const deleted = await fetch(at('/v1/me'), {
      method: 'DELETE',
      headers: bearer(tokens.access_token),
    });
    expect(deleted.status).toBe(204);
    // A retried request finds it done.
    const again = await fetch(at('/v1/me'), {
      method: 'DELETE',
      headers: bearer(tokens.access_token),
    });
    expect(again.status).toBe(204);

    const rows = await running.dataSource.query<unknown[]>(
      'SELECT 1 FROM identity.accounts WHERE id = $1',
      [id],
    );
    expect(rows).toHaveLength(0);
    const records = await running.dataSource.query<unknown[]>(
      `SELECT 1 FROM identity.oidc_records WHERE payload->>'accountId' = $1`,
      [id],
    );
    expect(records).toHaveLength(0);
    const audit = await running.dataSource.query<
      { event: string; client_address: string | null }[]
    >('SELECT event, client_address FROM identity.account_audit WHERE account_id = $1', [id]);
    expect(audit.map((entry) => entry.event)).toContain('account-deleted');
    expect(audit.every((entry) => entry.client_address === null)).toBe(true);
    const everything = JSON.stringify(
      await running.dataSource.query('SELECT * FROM identity.account_audit'),
    );
    expect(everything).not.toContain(email);
    await expect(client.refreshTokenGrant(portal, tokens.refresh_token!)).rejects.toThrow();
    expect((await fetch(at('/v1/me'), { headers: bearer(tokens.access_token) })).status).toBe(404);
  });

  it('should audit a right password with the second factor still to come as accepted, not as a sign-in', async () => {
    const password = 'lantern-river-okra-50';
    const { id, email } = await account(password);
    await running.dataSource.query(
      'UPDATE identity.accounts SET passkey_second_factor = true WHERE id = $1',
      [id],
    );
    const browser = new Browser();
    const signInPage = await follow(browser, origin(), await browser.get(at('/account?lang=en')));
    const form = formsOf(await signInPage.response.text()).find((f) =>
      f.action.endsWith('/sign-in'),
    );
    const secondStep = await post(browser, form!, { email, password });
    expect(secondStep.status).toBe(200);
    expect(await secondStep.text()).toContain('passkey');
    const audit = await running.dataSource.query<{ event: string }[]>(
      'SELECT event FROM identity.account_audit WHERE account_id = $1',
      [id],
    );
    expect(audit.map((entry) => entry.event)).toEqual(['password-accepted']);
  });

  it('should ask for the password to remove a passkey or turn the second factor off once the session is 10 minutes old, and mail each change', async () => {
    const password = 'lantern-river-okra-51';
    const { id, email } = await account(password);
    const passkeys = new PasskeyStore(running.dataSource);
    const addPasskey = (name: string) =>
      passkeys.add({
        id: `credential-${name}-${seq}`,
        accountId: id,
        name,
        publicKey: Buffer.from('not used by a removal'),
        counter: 0,
        transports: ['internal'],
        deviceType: 'singleDevice',
        backedUp: false,
      });
    await addPasskey('Phone');
    const mailed = (subject: string) =>
      mails.filter((m) => m.to === email && m.raw.includes(`Subject: ${subject}`));

    const { browser } = await signInToAccountPage(origin(), email, password);
    await passkeys.setSecondFactor(id, true);
    // The session was signed in an hour ago.
    await running.dataSource.query(
      `UPDATE identity.oidc_records
          SET payload = jsonb_set(payload, '{loginTs}', to_jsonb(extract(epoch FROM now())::int - 3600))
        WHERE model = 'Session' AND payload->>'accountId' = $1`,
      [id],
    );
    const page = async () => (await browser.get(at('/account?lang=en'))).text();

    const bare = await post(browser, formOf(await page(), '/account/second-factor'));
    expect(bare.status).toBe(403);
    const bareHtml = await bare.text();
    expect(bareHtml).toContain('type your current password to confirm');
    expect(bareHtml).toContain('href="#second-factor-confirm"');
    const wrong = await post(browser, formOf(await page(), '/account/second-factor'), {
      confirm: 'not-my-password-1',
    });
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).toContain('Your current password is wrong.');
    expect(await passkeys.secondFactor(id)).toBe(true);
    expect(mailed('Two-step sign-in is off')).toHaveLength(0);

    const off = await post(browser, formOf(await page(), '/account/second-factor'), {
      confirm: password,
    });
    expect(off.status).toBe(303);
    expect(await passkeys.secondFactor(id)).toBe(false);
    expect(mailed('Two-step sign-in is off')).toHaveLength(1);

    const [phone] = await passkeys.list(id);
    const removeAction = `/account/passkeys/${encodeURIComponent(phone!.id)}/remove`;
    const refused = await post(browser, formOf(await page(), removeAction));
    expect(refused.status).toBe(403);
    expect(await passkeys.list(id)).toHaveLength(1);
    const removed = await post(browser, formOf(await page(), removeAction), { confirm: password });
    expect(removed.status).toBe(303);
    expect(await passkeys.list(id)).toHaveLength(0);
    expect(mailed('A passkey was removed from your account')).toHaveLength(1);

    // Just signed in: the session itself confirms, no password asked.
    await addPasskey('Laptop');
    const fresh = await signInToAccountPage(origin(), email, password);
    const on = await post(fresh.browser, formOf(fresh.html, '/account/second-factor'));
    expect(on.status).toBe(303);
    expect(await passkeys.secondFactor(id)).toBe(true);
    expect(mailed('Two-step sign-in is on')).toHaveLength(1);
  });

  it('should delete the account on the page with the password', async () => {
    const password = 'lantern-river-okra-49';
    const { id, email } = await account(password);
    const { browser, html } = await signInToAccountPage(origin(), email, password);
    const form = formOf(html, '/account/delete');
    const wrong = await post(browser, form, { password: 'not-my-password-2' });
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).toContain('href="#delete-password"');
    const done = await post(browser, form, { password });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Your account is deleted');
    const rows = await running.dataSource.query<unknown[]>(
      'SELECT 1 FROM identity.accounts WHERE id = $1',
      [id],
    );
    expect(rows).toHaveLength(0);
    expect((await browser.get(at('/account'))).status).toBe(303);
  });

  it('should sign this browser out', async () => {
    const password = 'lantern-river-okra-50';
    const { email } = await account(password);
    const { browser, html } = await signInToAccountPage(origin(), email, password);
    const response = await post(browser, formOf(html, '/account/sign-out'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('You are signed out');
    expect((await browser.get(at('/account'))).status).toBe(303);
  });

  it('should lock the account after repeated wrong current passwords, as the sign-in does', async () => {
    const password = 'lantern-river-okra-51';
    const { email } = await account(password);
    const { browser, html } = await signInToAccountPage(origin(), email, password);
    const form = formOf(html, '/account/password');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await post(browser, form, {
        current: `wrong-password-${attempt}-xx`,
        password: 'a-new-lantern-river-52',
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([403, 403, 403, 403, 429]);
    const locked = await post(browser, form, {
      current: password,
      password: 'a-new-lantern-river-52',
    });
    expect(locked.status).toBe(429);
  });

  it('should log no address or password of the people above', () => {
    const logged = lines.join('');
    expect(logged).toContain('/account');
    expect(logged).not.toMatch(/person-\d+@example\.jp/);
    expect(logged).not.toContain('lantern-river');
    // The account pages' callback is logged without its code.
    expect(logged).toContain('"url":"/account/callback"');
    expect(logged).not.toMatch(/\/account\/callback\?/);
  });
});
