import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as client from 'openid-client';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestDatabase, freePort, type TestDatabase } from '#libs/testing';
import { AccountStore } from '../accounts/infrastructure/account.store.js';
import { hashPassword } from '../accounts/infrastructure/password-hashing.js';
import { startIdentityForTest, type RunningIdentity } from '../identity.testing.js';
import { startSmtp } from '../mail/testing/smtp.js';
import { launchChromium } from '../../../../libs/testing/src/browser/index.js';

const RESOURCE = 'urn:clearinghouse:api';
const REDIRECT_URI = 'https://portal.example.jp/callback';
const PORTAL = {
  client_id: 'portal',
  token_endpoint_auth_method: 'none',
  redirect_uris: [REDIRECT_URI],
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
};

/**
 * Passkeys in a real browser: headless Chromium with a CDP virtual authenticator (an internal,
 * user-verifying platform authenticator holding discoverable credentials). The issuer is on
 * `localhost`, a host name a passkey can belong to.
 */
describe('passkeys in Chromium: add on /account, sign in with the passkey alone or after the password', () => {
  let database: TestDatabase;
  let dataDir: string;
  let running: RunningIdentity;
  let portal: client.Configuration;
  let chromium: Browser;
  let origin: string;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'identity-passkeys-'));
    smtp = await startSmtp();
    const port = await freePort();
    origin = `http://localhost:${port}`;
    running = await startIdentityForTest(database.url, dataDir, {
      IDENTITY_PORT: String(port),
      IDENTITY_ISSUER: `${origin}/oidc`,
      IDENTITY_CLIENTS: JSON.stringify([PORTAL]),
      MAIL_SMTP_URL: smtp.url,
    });
    portal = await client.discovery(
      new URL(running.issuer),
      PORTAL.client_id,
      { id_token_signed_response_alg: 'ES256' },
      client.None(),
      { execute: [client.allowInsecureRequests] },
    );
    chromium = await launchChromium();
  });

  afterAll(async () => {
    await chromium?.close();
    await running?.app.close();
    await smtp?.close();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function account(email: string, password: string): Promise<string> {
    const store = new AccountStore(running.dataSource);
    const created = await store.create({
      email,
      passwordHash: await hashPassword(password),
      language: 'en',
    });
    await store.markVerified(created!.id);
    return created!.id;
  }

  /** A browser page with a virtual authenticator that verifies its user. */
  async function pageWithAuthenticator(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await chromium.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    return { context, page };
  }

  async function signInWithPassword(page: Page, email: string, password: string) {
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  async function addPasskey(page: Page, email: string, password: string, name: string) {
    await page.goto(`${origin}/account?lang=en`);
    await signInWithPassword(page, email, password);
    await page.waitForURL(`${origin}/account**`);
    await page.getByLabel('Name of the passkey').fill(name);
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByRole('status').filter({ hasText: 'The passkey is added.' }).waitFor();
  }

  /** Starts the portal's code flow in the page; answers what finishes it. */
  async function startPortalFlow(page: Page) {
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    await page.goto(
      client
        .buildAuthorizationUrl(portal, {
          redirect_uri: REDIRECT_URI,
          scope: 'openid email api',
          resource: RESOURCE,
          state,
          code_challenge: await client.calculatePKCECodeChallenge(verifier),
          code_challenge_method: 'S256',
        })
        .toString(),
    );
    // The portal is not running: the browser's request to its callback carries the code.
    const back = page.waitForRequest((request) => request.url().startsWith(REDIRECT_URI));
    return async () => {
      const allow = page.getByRole('button', { name: 'Allow', exact: true });
      const first = await Promise.race([back.then(() => 'back'), allow.waitFor()]);
      if (first !== 'back') await allow.click();
      const callback = new URL((await back).url());
      return client.authorizationCodeGrant(portal, callback, {
        pkceCodeVerifier: verifier,
        expectedState: state,
      });
    };
  }

  it('should add a passkey on /account, then sign in with it alone and finish the code flow', async () => {
    const email = 'kiyoshi@example.jp';
    const password = 'paper-crane-harbour-7';
    const accountId = await account(email, password);
    const { context, page } = await pageWithAuthenticator();
    try {
      await addPasskey(page, email, password, 'Test laptop');
      const rows = await running.dataSource.query<
        { account_id: string; name: string; counter: string; backed_up: boolean }[]
      >('SELECT account_id, name, counter, backed_up FROM identity.passkeys');
      expect(rows).toEqual([
        expect.objectContaining({ account_id: accountId, name: 'Test laptop' }),
      ]);

      // Signed out: the provider's session cookie is gone, the authenticator stays.
      await context.clearCookies();
      const finish = await startPortalFlow(page);
      await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
      const tokens = await finish();
      expect(tokens.claims()?.sub).toBe(accountId);

      const audit = await running.dataSource.query<{ event: string }[]>(
        'SELECT event FROM identity.account_audit WHERE account_id = $1 ORDER BY at',
        [accountId],
      );
      expect(audit.map((entry) => entry.event)).toEqual(
        expect.arrayContaining(['passkey-added', 'sign-in-passkey']),
      );
      const [used] = await running.dataSource.query<{ last_used_at: Date | null }[]>(
        'SELECT last_used_at FROM identity.passkeys',
      );
      expect(used!.last_used_at).not.toBeNull();
      // The challenge was used up.
      const challenges = await running.dataSource.query<unknown[]>(
        `SELECT 1 FROM identity.webauthn_challenges WHERE purpose = 'sign-in'`,
      );
      expect(challenges).toHaveLength(0);
    } finally {
      await context.close();
    }
  });

  it('should ask for the passkey after the right password when the person turned it on', async () => {
    const email = 'michiko@example.jp';
    const password = 'paper-crane-harbour-8';
    const accountId = await account(email, password);
    const { context, page } = await pageWithAuthenticator();
    try {
      await addPasskey(page, email, password, 'Phone');
      await page.getByRole('button', { name: 'Turn on' }).click();
      await page.getByRole('status').filter({ hasText: 'two-step sign-in' }).waitFor();

      await context.clearCookies();
      const finish = await startPortalFlow(page);
      await signInWithPassword(page, email, password);
      await page.getByRole('heading', { name: 'Confirm with your passkey' }).waitFor();
      await page.getByRole('button', { name: 'Confirm with a passkey' }).click();
      const tokens = await finish();
      expect(tokens.claims()?.sub).toBe(accountId);
      const audit = await running.dataSource.query<{ event: string }[]>(
        'SELECT event FROM identity.account_audit WHERE account_id = $1 ORDER BY at',
        [accountId],
      );
      // The password accepted, then the sign-in complete with the passkey.
      expect(audit.map((entry) => entry.event).slice(-2)).toEqual([
        'password-accepted',
        'sign-in-succeeded',
      ]);
    } finally {
      await context.close();
    }
  });

  it('should ask for the password to add a passkey in a session signed in over 10 minutes ago, and mail the person', async () => {
    const email = 'kazuko@example.jp';
    const password = 'paper-crane-harbour-10';
    const accountId = await account(email, password);
    const { context, page } = await pageWithAuthenticator();
    try {
      await page.goto(`${origin}/account?lang=en`);
      await signInWithPassword(page, email, password);
      await page.waitForURL(`${origin}/account**`);
      await running.dataSource.query(
        `UPDATE identity.oidc_records
            SET payload = jsonb_set(payload, '{loginTs}', to_jsonb(extract(epoch FROM now())::int - 3600))
          WHERE model = 'Session' AND payload->>'accountId' = $1`,
        [accountId],
      );
      await page.getByLabel('Name of the passkey').fill('Desk');
      await page.getByRole('button', { name: 'Add a passkey' }).click();
      await page.getByRole('alert').filter({ hasText: 'type your current password' }).waitFor();
      await page.getByLabel('Name of the passkey').fill('Desk');
      await page.locator('#passkey-confirm').fill(password);
      await page.getByRole('button', { name: 'Add a passkey' }).click();
      await page.getByRole('status').filter({ hasText: 'The passkey is added.' }).waitFor();
      const added = smtp.mails.filter((mail) => mail.to === email);
      expect(added.map((mail) => mail.subject)).toEqual(['A passkey was added to your account']);
    } finally {
      await context.close();
    }
  });

  it('should delete the account when the person confirms with their passkey', async () => {
    const email = 'sachiko@example.jp';
    const password = 'paper-crane-harbour-9';
    const accountId = await account(email, password);
    const { context, page } = await pageWithAuthenticator();
    try {
      await addPasskey(page, email, password, 'Tablet');
      await page
        .getByRole('button', { name: 'Delete my account, confirming with a passkey' })
        .click();
      await page.getByRole('heading', { name: 'Your account is deleted' }).waitFor();
      const left = await running.dataSource.query<unknown[]>(
        `SELECT 1 FROM identity.accounts WHERE id = $1
          UNION ALL SELECT 1 FROM identity.passkeys WHERE account_id = $1`,
        [accountId],
      );
      expect(left).toHaveLength(0);
    } finally {
      await context.close();
    }
  });
});
