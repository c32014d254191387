import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import * as client from 'openid-client';
import pino from 'pino';
import { GATEWAY_CREDENTIAL_HEADER } from '#libs/auth';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { startIdentityForTest, type RunningIdentity } from '../identity.testing.js';
import { AccountStore } from './infrastructure/account.store.js';
import { hashPassword } from './infrastructure/password-hashing.js';
import { parseMail, startSmtp, type ReceivedMail } from '../mail/testing/smtp.js';
import { Browser, formsOf, type PageForm } from '../pages/testing/browser.js';

const RESOURCE = 'urn:clearinghouse:api';
const REDIRECT_URI = 'http://127.0.0.1:9/callback';
const PORTAL = {
  client_id: 'portal',
  token_endpoint_auth_method: 'none',
  redirect_uris: [REDIRECT_URI],
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
};

/** A logger whose every line the test can read. */
function capturedLogger() {
  const lines: string[] = [];
  const logger = pino(
    { level: 'trace' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    }),
  );
  return { logger, lines };
}

describe('accounts: sign-up, mail, sign-in, reset and lockout through the pages', () => {
  let database: TestDatabase;
  let dataDir: string;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let running: RunningIdentity;
  let portal: client.Configuration;
  const log = capturedLogger();
  /** Every password and mailed token the test used: none may be logged. */
  const secrets: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'identity-accounts-'));
    smtp = await startSmtp();
    running = await startIdentityForTest(
      database.url,
      dataDir,
      { IDENTITY_CLIENTS: JSON.stringify([PORTAL]), MAIL_SMTP_URL: smtp.url },
      log.logger,
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
    await smtp?.close();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const origin = () => new URL(running.issuer).origin;
  const at = (pathAndQuery: string) => new URL(pathAndQuery, origin());

  /** Starts an authorization (code + PKCE) in a browser: the sign-in page it lands on. */
  async function authorize(browser: Browser, lang?: string) {
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const response = await browser.get(
      client.buildAuthorizationUrl(portal, {
        redirect_uri: REDIRECT_URI,
        scope: 'openid email offline_access api',
        resource: RESOURCE,
        // Refresh tokens (offline_access) are issued only with consent asked for.
        prompt: 'consent',
        state,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      }),
    );
    expect(response.status).toBe(303);
    const interaction = at(response.headers.get('location') ?? '');
    expect(interaction.pathname).toMatch(/^\/interaction\/[\w-]+$/);
    if (lang) interaction.searchParams.set('lang', lang);
    const page = await browser.get(interaction);
    expect(page.status).toBe(200);
    return { verifier, state, interaction, html: await page.text() };
  }

  /** Submits a page's form (its hidden fields, plus what the person types). */
  function submit(
    browser: Browser,
    form: PageForm | undefined,
    typed: Record<string, string> = {},
  ) {
    if (!form) throw new Error('the page has no such form');
    return browser.post(at(form.action), { ...form.fields, ...typed });
  }

  /** Follows redirects (and consents when asked) until the browser is back at the client. */
  async function backToClient(browser: Browser, response: Response): Promise<URL> {
    for (let step = 0; step < 6; step += 1) {
      expect([302, 303]).toContain(response.status);
      const location = at(response.headers.get('location') ?? '');
      if (location.href.startsWith(REDIRECT_URI)) return location;
      const next = await browser.get(location);
      if (next.status === 200) {
        const html = await next.text();
        expect(html).toContain('<h1>');
        response = await submit(
          browser,
          formsOf(html).find((f) => f.action.endsWith('/consent')),
        );
      } else {
        response = next;
      }
    }
    throw new Error('the sign-in did not come back to the client');
  }

  /** Signs in through the pages; answers the tokens. */
  async function signIn(email: string, password: string) {
    const browser = new Browser();
    const flow = await authorize(browser);
    const response = await submit(browser, formsOf(flow.html)[0], { email, password });
    const callback = await backToClient(browser, response);
    return client.authorizationCodeGrant(portal, callback, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
    });
  }

  /** Posts the sign-in form once: the status and the page. */
  async function trySignIn(email: string, password: string) {
    const browser = new Browser();
    const flow = await authorize(browser, 'en');
    const response = await submit(browser, formsOf(flow.html)[0], { email, password });
    return { status: response.status, html: response.status === 200 ? '' : await response.text() };
  }

  async function signUp(
    email: string,
    password: string,
    headers: Record<string, string> = {},
    lang?: string,
  ) {
    secrets.push(password);
    const browser = new Browser(headers);
    const flow = await authorize(browser, lang);
    const toSignUp = /href="([^"]*\/sign-up[^"]*)"/.exec(flow.html)?.[1] ?? '';
    const page = await browser.get(at(toSignUp.replace(/&amp;/g, '&')));
    expect(page.status).toBe(200);
    return submit(browser, formsOf(await page.text())[0], { email, password });
  }

  function mailTo(email: string, count = 1): ReceivedMail {
    const mails = smtp.mails.filter((mail) => mail.to === email);
    expect(mails).toHaveLength(count);
    const mail = mails[count - 1]!;
    secrets.push(new URL(mail.link).searchParams.get('token') ?? 'missing');
    return mail;
  }

  async function followMailLink(link: string, typed: Record<string, string> = {}) {
    const browser = new Browser();
    const page = await browser.get(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toContain('<script');
    return submit(browser, formsOf(html)[0], typed);
  }

  it('should sign up in English, mail an English link, verify it, and sign in for tokens of that account', async () => {
    const email = 'hanako@example.jp';
    const password = 'river-lantern-okra-42';
    const signedUp = await signUp(email, password, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(signedUp.status).toBe(200);
    expect(await signedUp.text()).toContain('Check your e-mail');

    const mail = mailTo(email);
    expect(mail.subject).toBe('Confirm your e-mail address');
    expect(mail.text).toContain('Open this link to confirm your e-mail address');
    expect(new URL(mail.link).pathname).toBe('/account/verify');

    // Before the address is verified, the right password is not enough.
    const early = await trySignIn(email, password);
    expect(early.status).toBe(403);
    expect(early.html).toContain('not confirmed yet');
    const latest = mailTo(email, 2);

    const verified = await followMailLink(latest.link);
    expect(verified.status).toBe(200);
    expect(await verified.text()).toContain('Your e-mail address is confirmed');
    // The link works once: opened again, it says the address is confirmed, and nothing more
    // happens.
    const again = await new Browser().get(latest.link);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('Your e-mail address is confirmed');
    const verifications = await running.dataSource.query<unknown[]>(
      `SELECT 1 FROM identity.account_audit WHERE event = 'email-verified' AND account_id =
        (SELECT id FROM identity.accounts WHERE email = $1)`,
      [email],
    );
    expect(verifications).toHaveLength(1);

    const tokens = await signIn(email, password);
    const [account] = await running.dataSource.query<{ id: string }[]>(
      'SELECT id FROM identity.accounts WHERE email = $1',
      [email],
    );
    expect(tokens.claims()).toMatchObject({ sub: account!.id, email, email_verified: true });
    const jwks = (await (await fetch(`${running.issuer}/jwks`)).json()) as JSONWebKeySet;
    const { payload } = await jwtVerify(tokens.access_token, createLocalJWKSet(jwks), {
      issuer: running.issuer,
      audience: RESOURCE,
      typ: 'at+jwt',
    });
    expect(payload).toMatchObject({ sub: account!.id, client_id: PORTAL.client_id });
  });

  it('should sign up in Japanese by the page language, and mail a Japanese link', async () => {
    const email = 'taro@example.jp';
    const response = await signUp(email, 'はるのおがわはさらさらいくよ', {}, 'ja');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('メールを確認してください');
    const mail = mailTo(email);
    expect(mail.subject).toBe('メールアドレスの確認');
    expect(mail.text).toContain('このメールアドレスを確認してください');
    expect(new URL(mail.link).searchParams.get('lang')).toBe('ja');
  });

  it('should refuse a weak password with the reason tied to its field, in the page language', async () => {
    const response = await signUp('weak@example.jp', 'password1234', {}, 'en');
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('aria-describedby="password-hint password-error"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('This password is easy to guess');
    expect(html).toContain('value="weak@example.jp"');
    expect(html).not.toContain('password1234');
    expect(smtp.mails.filter((mail) => mail.to === 'weak@example.jp')).toHaveLength(0);
  });

  it('should answer a sign-up for a taken address as any other, and tell the owner by mail', async () => {
    const response = await signUp('hanako@example.jp', 'another-long-password-1', {}, 'en');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Check your e-mail');
    const mail = mailTo('hanako@example.jp', 3);
    expect(mail.subject).toBe('You already have an account');
    expect(new URL(mail.link).pathname).toBe('/account/reset');
  });

  it('should reset a password with the mailed link, end the sessions, and refuse the old password', async () => {
    const email = 'reset@example.jp';
    const oldPassword = 'first-password-of-mine';
    const newPassword = 'second-password-of-mine';
    secrets.push(newPassword);
    await signUp(email, oldPassword, {}, 'en');
    await followMailLink(mailTo(email).link);
    const before = await signIn(email, oldPassword);

    const browser = new Browser();
    const flow = await authorize(browser, 'en');
    const forgotHref = /href="([^"]*\/forgot[^"]*)"/.exec(flow.html)?.[1] ?? '';
    const forgotPage = await browser.get(at(forgotHref.replace(/&amp;/g, '&')));
    const asked = await submit(browser, formsOf(await forgotPage.text())[0], { email });
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain('If an account has that address');
    const mail = mailTo(email, 2);
    expect(mail.subject).toBe('Reset your password');

    const reset = await followMailLink(mail.link, { password: newPassword });
    expect(reset.status).toBe(200);
    expect(await reset.text()).toContain('Your password is changed');
    expect((await new Browser().get(mail.link)).status).toBe(410);

    await expect(client.refreshTokenGrant(portal, before.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    expect((await trySignIn(email, oldPassword)).status).toBe(401);
    const after = await signIn(email, newPassword);
    expect(after.claims()?.email).toBe(email);
  });

  it('should answer a forgotten-password request for an unknown address the same, and mail nothing', async () => {
    const browser = new Browser();
    const flow = await authorize(browser, 'en');
    const forgotHref = /href="([^"]*\/forgot[^"]*)"/.exec(flow.html)?.[1] ?? '';
    const forgotPage = await browser.get(at(forgotHref.replace(/&amp;/g, '&')));
    const sent = smtp.mails.length;
    const asked = await submit(browser, formsOf(await forgotPage.text())[0], {
      email: 'nobody@example.jp',
    });
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain('If an account has that address');
    expect(smtp.mails.length).toBe(sent);
  });

  it('should mail one address at most five times an hour, answering every request the same', async () => {
    const email = 'flooded@example.jp';
    await signUp(email, 'flooded-persons-password', {}, 'en');
    const browser = new Browser();
    const flow = await authorize(browser, 'en');
    const forgotHref = /href="([^"]*\/forgot[^"]*)"/.exec(flow.html)?.[1] ?? '';
    const forgotUrl = at(forgotHref.replace(/&amp;/g, '&'));
    for (let request = 0; request < 8; request += 1) {
      const forgotPage = await browser.get(forgotUrl);
      const asked = await submit(browser, formsOf(await forgotPage.text())[0], { email });
      expect(asked.status).toBe(200);
      expect(await asked.text()).toContain('If an account has that address');
    }
    // The sign-up's verification mail and four resets; the other four requests held.
    expect(smtp.mails.filter((mail) => mail.to === email)).toHaveLength(5);
    const held = await running.dataSource.query<{ count: string }[]>(
      `SELECT count(*) FROM "identity"."account_audit" a JOIN "identity"."accounts" c
         ON c.id = a.account_id WHERE c.email = $1 AND a.event = 'mail-held'`,
      [email],
    );
    expect(Number(held[0]!.count)).toBe(4);
  });

  it('should lock an address after five failures, and answer an unknown address exactly the same', async () => {
    const email = 'brute@example.jp';
    const password = 'the-right-password-here';
    await signUp(email, password, {}, 'en');
    await followMailLink(mailTo(email).link);

    const answers = async (address: string) => {
      const seen: { status: number; html: string }[] = [];
      for (let attempt = 0; attempt < 5; attempt += 1) {
        seen.push(await trySignIn(address, `wrong-guess-number-${attempt}`));
      }
      seen.push(await trySignIn(address, password));
      return seen;
    };
    const known = await answers(email);
    const unknown = await answers('no-such-person@example.jp');

    expect(known.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 429, 429]);
    expect(unknown.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 429, 429]);
    const message = (html: string) =>
      /<main id="main">([\s\S]*)<\/main>/
        .exec(html)?.[1]
        ?.replace(/value="[^"]*"/g, '')
        .replace(/\/interaction\/[\w-]+/g, '/interaction/…');
    expect(known.map((answer) => message(answer.html))).toEqual(
      unknown.map((answer) => message(answer.html)),
    );
    expect(known[5]!.html).toContain('Too many failed sign-ins');
  });

  it('should check at most five passwords of a burst of guesses sent at once', async () => {
    const email = 'burst@example.jp';
    await signUp(email, 'the-burst-accounts-password', {}, 'en');
    await followMailLink(mailTo(email).link);
    const ready = [];
    for (let index = 0; index < 8; index += 1) {
      const browser = new Browser();
      const flow = await authorize(browser, 'en');
      ready.push({ browser, form: formsOf(flow.html)[0]! });
    }
    const statuses = await Promise.all(
      ready.map(({ browser, form }, index) =>
        browser
          .post(at(form.action), { ...form.fields, email, password: `burst-guess-${index}` })
          .then((response) => response.status),
      ),
    );
    expect(statuses.sort()).toEqual([401, 401, 401, 401, 429, 429, 429, 429]);
    const events = await running.dataSource.query<{ event: string; count: string }[]>(
      `SELECT event, count(*) FROM identity.account_audit
        WHERE account_id = (SELECT id FROM identity.accounts WHERE email = $1)
          AND event LIKE 'sign-in-%' GROUP BY event ORDER BY event`,
      [email],
    );
    expect(events).toEqual([
      { event: 'sign-in-failed', count: '5' },
      { event: 'sign-in-locked', count: '3' },
    ]);
  });

  it('should refuse a form without its token, and a form posted from a browser not in the interaction', async () => {
    const browser = new Browser();
    const flow = await authorize(browser, 'en');
    const form = formsOf(flow.html)[0]!;
    const withoutToken = await browser.post(at(form.action), {
      lang: 'en',
      email: 'hanako@example.jp',
      password: 'river-lantern-okra-42',
    });
    expect(withoutToken.status).toBe(403);
    expect(await withoutToken.text()).toContain('This form has expired');

    const elsewhere = await new Browser().post(at(form.action), {
      ...form.fields,
      email: 'hanako@example.jp',
      password: 'river-lantern-okra-42',
    });
    expect(elsewhere.status).toBe(410);
    expect(elsewhere.headers.get('location')).toBeNull();

    // A browser in one interaction posting another's form (with that form's token) finishes neither.
    const other = formsOf((await authorize(new Browser(), 'en')).html)[0]!;
    const crossed = await browser.post(at(other.action), {
      ...other.fields,
      email: 'hanako@example.jp',
      password: 'river-lantern-okra-42',
    });
    expect(crossed.status).toBe(410);
  });

  it('should keep an audit log of the accounts without secrets', async () => {
    const rows = await running.dataSource.query<{ event: string }[]>(
      `SELECT DISTINCT a.event FROM identity.account_audit a`,
    );
    expect(rows.map((row) => row.event).sort()).toEqual(
      [
        'email-verified',
        'mail-held',
        'password-changed',
        'password-reset-requested',
        'sign-in-failed',
        'sign-in-locked',
        'sign-in-succeeded',
        'sign-up',
      ].sort(),
    );
    const stored = JSON.stringify(
      await running.dataSource.query('SELECT * FROM identity.account_audit'),
    );
    for (const secret of secrets) expect(stored).not.toContain(secret);
  });

  it('should log no password, no mailed token and no address', () => {
    const logged = log.lines.join('');
    expect(logged).toContain('mail sent');
    expect(logged).toContain('"url":"/account/verify"');
    expect(secrets.length).toBeGreaterThan(10);
    for (const secret of secrets) expect(logged).not.toContain(secret);
    for (const address of ['hanako@example.jp', 'taro@example.jp', 'brute@example.jp']) {
      expect(logged).not.toContain(address);
    }
  });
});

describe('accounts without an SMTP server', () => {
  it('should write each mail to DATA_DIR/mail and log its link', async () => {
    const database = await createTestDatabase();
    const dataDir = await mkdtemp(path.join(tmpdir(), 'identity-mailfiles-'));
    const log = capturedLogger();
    const running = await startIdentityForTest(
      database.url,
      dataDir,
      { IDENTITY_CLIENTS: JSON.stringify([PORTAL]) },
      log.logger,
    );
    try {
      const portalClient = await client.discovery(
        new URL(running.issuer),
        PORTAL.client_id,
        undefined,
        client.None(),
        { execute: [client.allowInsecureRequests] },
      );
      const browser = new Browser({ 'accept-language': 'en' });
      const start = await browser.get(
        client.buildAuthorizationUrl(portalClient, {
          redirect_uri: REDIRECT_URI,
          scope: 'openid',
          code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
          code_challenge_method: 'S256',
        }),
      );
      const interaction = new URL(start.headers.get('location') ?? '', running.issuer);
      const page = await browser.get(new URL(`${interaction.pathname}/sign-up`, interaction));
      const form = formsOf(await page.text())[0]!;
      const password = 'laptop-user-password';
      const response = await browser.post(new URL(form.action, interaction), {
        ...form.fields,
        email: 'laptop@example.jp',
        password,
      });
      expect(response.status).toBe(200);

      const files = await readdir(path.join(dataDir, 'mail'));
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/^\d{4}-\d{2}-\d{2}T[\d-]+Z-[0-9a-f-]{36}\.eml$/);
      const mail = parseMail(
        await readFile(path.join(dataDir, 'mail', files[0]!), 'utf8'),
        'laptop@example.jp',
      );
      expect(mail.subject).toBe('Confirm your e-mail address');
      expect(new URL(mail.link).pathname).toBe('/account/verify');
      const logged = log.lines.join('');
      expect(logged).toContain(JSON.stringify(mail.link).slice(1, -1));
      expect(logged).not.toContain(password);
    } finally {
      await running.app.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('sign-in limit per network address', () => {
  it('should lock a network address after twenty failures, whatever addresses were typed or claimed', async () => {
    const database = await createTestDatabase();
    const dataDir = await mkdtemp(path.join(tmpdir(), 'identity-throttle-'));
    const gatewaySecret = randomBytes(32).toString('hex');
    const running = await startIdentityForTest(database.url, dataDir, {
      IDENTITY_CLIENTS: JSON.stringify([PORTAL]),
      SUBGRAPH_SECRET: gatewaySecret,
    });
    try {
      const store = new AccountStore(running.dataSource);
      const password = 'a-verified-persons-password';
      const account = await store.create({
        email: 'verified@example.jp',
        passwordHash: await hashPassword(password),
        language: 'en',
      });
      await store.markVerified(account!.id);
      const portalClient = await client.discovery(
        new URL(running.issuer),
        PORTAL.client_id,
        undefined,
        client.None(),
        { execute: [client.allowInsecureRequests] },
      );
      const attempt = async (
        email: string,
        typed: string,
        headers: Record<string, string> = {},
      ) => {
        const browser = new Browser({ 'accept-language': 'en', ...headers });
        const start = await browser.get(
          client.buildAuthorizationUrl(portalClient, {
            redirect_uri: REDIRECT_URI,
            scope: 'openid',
            code_challenge: await client.calculatePKCECodeChallenge(
              client.randomPKCECodeVerifier(),
            ),
            code_challenge_method: 'S256',
          }),
        );
        const interaction = new URL(start.headers.get('location') ?? '', running.issuer);
        const form = formsOf(await (await browser.get(interaction)).text())[0]!;
        const response = await browser.post(new URL(form.action, interaction), {
          ...form.fields,
          email,
          password: typed,
        });
        return response.status;
      };

      const statuses: number[] = [];
      for (let index = 0; index < 20; index += 1) {
        // A client that reaches the app directly cannot claim to be someone else.
        const claimed = { 'x-forwarded-for': `198.51.100.${index}` };
        statuses.push(await attempt(`guess-${index}@example.jp`, 'some-wrong-password', claimed));
      }
      expect(statuses.slice(0, 19)).toEqual(Array(19).fill(401));
      expect(statuses[19]).toBe(429);
      // The address is locked: even the right password of a real account is refused from it.
      expect(await attempt('verified@example.jp', password)).toBe(429);
      // Through the gateway (its credential), the client's own address counts, not the gateway's.
      const viaGateway = {
        [GATEWAY_CREDENTIAL_HEADER]: gatewaySecret,
        'x-forwarded-for': '192.0.2.10',
      };
      expect(await attempt('verified@example.jp', password, viaGateway)).toBe(303);
      const audited = await running.dataSource.query<{ client_address: string }[]>(
        `SELECT client_address FROM identity.account_audit WHERE event = 'sign-in-succeeded'`,
      );
      expect(audited.map((row) => row.client_address)).toEqual(['192.0.2.10']);
    } finally {
      await running.app.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
