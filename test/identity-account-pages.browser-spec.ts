import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeJwt } from 'jose';
import * as client from 'openid-client';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { Role } from '#libs/contracts';
import { createTestDatabase, freePort, type TestDatabase } from '#libs/testing';
import type { Language } from '../apps/identity/src/accounts/domain/language.js';
import { hashPassword } from '../apps/identity/src/accounts/infrastructure/password-hashing.js';
import {
  callApi,
  REDIRECT_URI,
  RESOURCE,
  signInThroughPages,
} from '../apps/identity/src/grants/testing/people.js';
import { INVITATION_PATH } from '../apps/identity/src/invitations/create-invitation/create-invitation.handler.js';
import { ACCOUNT_TEXTS } from '../apps/identity/src/pages/account-texts.js';
import { DEVICE_TEXTS } from '../apps/identity/src/pages/device-texts.js';
import { GRANT_TEXTS } from '../apps/identity/src/pages/grant-texts.js';
import { TEXTS } from '../apps/identity/src/pages/texts.js';
import { CLI_CLIENT_ID } from '../apps/standalone/src/launcher-clients.js';
import type { Standalone } from '../apps/standalone/src/start-standalone.js';
import {
  accessibilityViolations,
  launchChromium,
  newReaderContext,
  saveScreenshot,
  sidewaysScroll,
  smallTapTargets,
  tabOrder,
  type ViewportName,
} from '../libs/testing/src/browser/index.js';
import { mailedLink } from './support/mail-files.js';
import { startTestStandalone } from './support/systems.js';

const SUITE = 'identity-account-pages';
const PASSWORD = 'a walk along the kamo river';
const NEW_PASSWORD = 'tea at the station before the last train';
const PORTAL_ID = 'portal';
const COMBINATIONS: [Language, ViewportName][] = [
  ['ja', 'phone'],
  ['ja', 'desktop'],
  ['en', 'phone'],
  ['en', 'desktop'],
];
/** The second step's heading (its texts belong to its view). */
const SECOND_FACTOR_TITLE: Record<Language, string> = {
  ja: 'パスキーで確認',
  en: 'Confirm with your passkey',
};
const SECOND_FACTOR_BUTTON: Record<Language, string> = {
  ja: 'パスキーで確認',
  en: 'Confirm with a passkey',
};
/** Party names as people give them: a long one wraps on a phone. */
const SOCIETY = 'Japan Society for the Rights of Authors, Composers and Publishers';
const PLATFORM = 'Video Site';

const other = (lang: Language): Language => (lang === 'ja' ? 'en' : 'ja');
const uniqueEmail = (label: string) => `${label}-${randomBytes(4).toString('hex')}@example.jp`;

interface GivenGrant {
  role: Role;
  party?: { id: string; name: string; kind: string };
}

/**
 * The account page, the "act as" step, the invitation page, the device-flow pages and the
 * passkey second step, as people reach them through the gateway of one standalone system.
 * The issuer is `localhost` (a host name a passkey can belong to), so the account page offers
 * passkeys and the second step can be turned on.
 */
describe('the account, act-as, invitation, device and second-step pages in Chromium, in Japanese and English, on a phone and a desktop', () => {
  let browser: Browser;
  let database: TestDatabase;
  let dataDir: string;
  let sut: Standalone;
  let origin: string;
  let db: pg.Client;
  let operatorToken: string;
  let societyId: string;
  /** The application people come from: it takes the browser back at its redirect URI. */
  let application: Server;
  let redirectUri: string;
  let portal: client.Configuration;

  beforeAll(async () => {
    // First, so a machine without Chromium fails at once with how to install it.
    browser = await launchChromium();
    application = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><html lang="en"><title>Back</title><main>Back</main></html>');
    }).listen(0, '127.0.0.1');
    await once(application, 'listening');
    redirectUri = `http://127.0.0.1:${(application.address() as AddressInfo).port}/callback`;
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'identity-account-pages-'));
    const port = await freePort();
    origin = `http://localhost:${port}`;
    sut = await startTestStandalone(database.url, {
      DATA_DIR: dataDir,
      DEMO: 'false',
      GATEWAY_PORT: String(port),
      IDENTITY_ISSUER: `${origin}/oidc`,
      IDENTITY_CLIENTS: JSON.stringify([
        {
          client_id: PORTAL_ID,
          token_endpoint_auth_method: 'none',
          redirect_uris: [REDIRECT_URI, redirectUri],
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
        },
      ]),
    });
    db = new pg.Client({ connectionString: database.url });
    await db.connect();

    // The installation's operator: an account given the OPERATOR grant at install.
    const operatorEmail = uniqueEmail('operator');
    await account(operatorEmail, [{ role: Role.OPERATOR }]);
    portal = await client.discovery(
      new URL(sut.identity.issuer),
      PORTAL_ID,
      { id_token_signed_response_alg: 'ES256' },
      client.None(),
      { execute: [client.allowInsecureRequests] },
    );
    operatorToken = (
      await signInThroughPages(portal, origin, { email: operatorEmail, password: PASSWORD })
    ).tokens.access_token;
    expect(decodeJwt(operatorToken).role).toBe(Role.OPERATOR);
    const registered = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${operatorToken}` },
      body: JSON.stringify({
        query: 'mutation ($input: RegisterPartyInput!) { registerParty(input: $input) { id } }',
        variables: { input: { kind: 'SOCIETY', name: SOCIETY, country: 'JP' } },
      }),
    });
    const answer = (await registered.json()) as { data?: { registerParty?: { id: string } } };
    societyId = answer.data!.registerParty!.id;
  });

  afterAll(async () => {
    await browser?.close();
    await db?.end();
    await sut?.stop();
    application?.close();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** A verified account with the password, holding `grants` (given as the grant store does). */
  async function account(
    email: string,
    grants: GivenGrant[] = [],
    language: Language = 'en',
  ): Promise<string> {
    const accountId = randomUUID();
    await db.query(
      `INSERT INTO identity.accounts (id, email, password_hash, language, email_verified_at, created_at, password_changed_at)
       VALUES ($1, $2, $3, $4, now(), now(), now())`,
      [accountId, email, await hashPassword(PASSWORD), language],
    );
    for (const grant of grants) {
      await db.query(
        `INSERT INTO identity.grants (id, account_id, role, party_id, party_key, party_name, party_kind, granted_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'install', now())`,
        [
          randomUUID(),
          accountId,
          grant.role,
          grant.party?.id ?? null,
          grant.party?.id ?? '',
          grant.party?.name ?? null,
          grant.party?.kind ?? null,
        ],
      );
    }
    return accountId;
  }

  const party = (kind: string, name: string) => ({ id: randomUUID(), kind, name });

  async function heading(page: Page): Promise<string> {
    return ((await page.locator('h1').textContent()) ?? '').trim();
  }

  /**
   * What every page must be: in its language, no serious or critical axe violation, targets
   * large enough to tap, no sideways scroll on a phone; and a screenshot for the artifacts.
   */
  async function checkPage(
    page: Page,
    name: string,
    lang: Language,
    viewport: ViewportName,
    title: string,
  ): Promise<void> {
    expect(await heading(page)).toBe(title);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await smallTapTargets(page)).toEqual([]);
    if (viewport === 'phone') expect(await sidewaysScroll(page)).toBeUndefined();
    await saveScreenshot(page, { suite: SUITE, name, lang, viewport });
  }

  /** Tab from the top reaches `expected` in order, each with its focus drawn. */
  async function checkKeyboard(page: Page, lang: Language, expected: string[]): Promise<void> {
    const order = await tabOrder(page, expected.length + 1);
    expect(order.map(({ element }) => element)).toEqual([
      `a "${TEXTS[other(lang)].languageName}"`,
      ...expected,
    ]);
    expect(order.filter(({ focusVisible }) => !focusVisible)).toEqual([]);
  }

  /** The error summary announces `message`, and the field is marked and described by it. */
  async function checkFieldError(page: Page, field: string, message: string): Promise<void> {
    expect(await page.getByRole('alert').textContent()).toContain(message);
    expect(await page.locator(`#${field}`).getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await page.locator(`#${field}`).getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain(`${field}-error`);
    expect(await page.locator(`#${field}-error`).textContent()).toBe(message);
    // The summary's link takes the reader to the field.
    expect(await page.getByRole('alert').getByRole('link').getAttribute('href')).toBe(`#${field}`);
  }

  /** On the sign-in page the browser was sent to: the password sign-in. */
  async function signIn(page: Page, lang: Language, email: string): Promise<void> {
    const t = TEXTS[lang];
    expect(await heading(page)).toBe(t.signInTitle);
    await page.getByLabel(t.email, { exact: true }).fill(email);
    await page.getByLabel(t.password, { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: t.signInButton, exact: true }).click();
  }

  it.each(COMBINATIONS)(
    'should show the account page signed in, with the role held, and a refused password change tied to its field (%s, %s)',
    async (lang, viewport) => {
      const t = ACCOUNT_TEXTS[lang];
      const g = GRANT_TEXTS[lang];
      const email = uniqueEmail(`account-${lang}-${viewport}`);
      // The account page speaks the account's language (the browser's asks the sign-in's).
      await account(
        email,
        [{ role: Role.RIGHT_HOLDER, party: party('RIGHT_HOLDER', 'Aoi Sato') }],
        lang,
      );
      const context = await newReaderContext(browser, viewport, lang);
      const page = await context.newPage();
      try {
        await page.goto(`${origin}/account`);
        await signIn(page, lang, email);
        await page.waitForURL(`${origin}/account**`);
        await checkPage(page, 'account', lang, viewport, t.title);
        expect(await page.locator('#grants-heading + ul li').textContent()).toContain(
          g.what(g.roles.RIGHT_HOLDER!, 'Aoi Sato'),
        );
        expect(await page.getByText(email).count()).toBeGreaterThan(0);

        if (viewport === 'desktop') {
          await checkKeyboard(page, lang, [
            'select#language',
            `button "${t.languageButton}"`,
            'input#notice-OPT_OUT_CONFIRMED',
            'input#notice-STATEMENT_AVAILABLE',
            'input#notice-CLAIM_SETTLED',
            'input#notice-DISPUTE_OPENED',
            'input#notice-WEBHOOK_ENDPOINT_DISABLED',
            // One tab stop for the radio group: the language checked (the account's).
            lang === 'ja' ? 'input#notice-language' : 'input#notice-language-en',
            `button "${t.noticesButton}"`,
            'input#passkey-name',
            // The current password, asked when the sign-in is not recent (optional otherwise).
            'input#passkey-confirm',
            `button "${t.addPasskey}"`,
            'input#second-factor-confirm',
            `button "${t.turnOn}"`,
            'input#current-password',
            'input#new-password',
            `button "${t.passwordButton}"`,
            `a "${t.download}"`,
            `button "${t.signOut}"`,
            'input#delete-password',
            `button "${t.deleteButton}"`,
          ]);
        }

        // Notices: a kind turned off and the other language chosen, by their labels.
        const statements = page.getByRole('checkbox', {
          name: t.noticeKinds.STATEMENT_AVAILABLE,
          exact: true,
        });
        expect(await statements.isChecked()).toBe(true);
        await statements.uncheck();
        const otherLanguage = lang === 'ja' ? 'English' : '日本語';
        await page.getByRole('radio', { name: otherLanguage, exact: true }).check();
        await page.getByRole('button', { name: t.noticesButton, exact: true }).click();
        await page.getByRole('status').waitFor();
        expect(await page.getByRole('status').textContent()).toContain(t.done.notices);
        expect(await statements.isChecked()).toBe(false);
        expect(
          await page.getByRole('radio', { name: otherLanguage, exact: true }).isChecked(),
        ).toBe(true);

        // A wrong current password: refused, announced, tied to its field; nothing changed.
        await page.getByLabel(t.currentPassword, { exact: true }).fill('not my password at all');
        await page.getByLabel(t.newPassword, { exact: true }).fill(NEW_PASSWORD);
        await page.getByRole('button', { name: t.passwordButton, exact: true }).click();
        await page.getByRole('alert').waitFor();
        await checkFieldError(page, 'current-password', t.problems['password-wrong']);
        await checkPage(page, 'account-password-refused', lang, viewport, t.title);
        if (viewport === 'phone') {
          // 400% zoom of a desktop: the page reflows into 320 CSS pixels.
          await page.setViewportSize({ width: 320, height: 640 });
          expect(await sidewaysScroll(page)).toBeUndefined();
          await page.setViewportSize({ width: 390, height: 844 });
        }
        // The old password still signs in.
        const [row] = (
          await db.query<{ changed: boolean }>(
            `SELECT password_changed_at > created_at AS changed FROM identity.accounts WHERE email = $1`,
            [email],
          )
        ).rows;
        expect(row?.changed).toBe(false);
      } finally {
        await context.close();
      }
    },
  );

  it.each(COMBINATIONS)(
    'should let a person holding two grants choose which to act as at an application’s sign-in, and carry it in the token (%s, %s)',
    async (lang, viewport) => {
      const g = GRANT_TEXTS[lang];
      const email = uniqueEmail(`act-as-${lang}-${viewport}`);
      const platform = party('PLATFORM', PLATFORM);
      const accountId = await account(email, [
        { role: Role.SOCIETY_ADMIN, party: party('SOCIETY', SOCIETY) },
        { role: Role.PLATFORM, party: platform },
      ]);
      const admin = g.actAsButton(g.roles.SOCIETY_ADMIN!, SOCIETY);
      const staff = g.actAsButton(g.roles.PLATFORM!, PLATFORM);
      const context = await newReaderContext(browser, viewport, lang);
      const page = await context.newPage();
      try {
        const verifier = client.randomPKCECodeVerifier();
        const state = client.randomState();
        await page.goto(
          client
            .buildAuthorizationUrl(portal, {
              redirect_uri: redirectUri,
              scope: 'openid api',
              resource: RESOURCE,
              state,
              code_challenge: await client.calculatePKCECodeChallenge(verifier),
              code_challenge_method: 'S256',
            })
            .toString(),
        );
        await signIn(page, lang, email);
        await checkPage(page, 'act-as', lang, viewport, g.actAsTitle);
        expect(await page.getByRole('button', { name: admin, exact: true }).count()).toBe(1);
        expect(await page.getByRole('button', { name: staff, exact: true }).count()).toBe(1);
        if (viewport === 'desktop') {
          await checkKeyboard(page, lang, [`button "${admin}"`, `button "${staff}"`]);
        }
        await page.getByRole('button', { name: staff, exact: true }).click();
        await page.getByRole('button', { name: TEXTS[lang].consentAllow, exact: true }).click();
        await page.waitForURL((url) => url.href.startsWith(redirectUri));
        const tokens = await client.authorizationCodeGrant(portal, new URL(page.url()), {
          pkceCodeVerifier: verifier,
          expectedState: state,
        });
        expect(decodeJwt(tokens.access_token)).toMatchObject({
          sub: accountId,
          role: Role.PLATFORM,
          party: platform.id,
        });
      } finally {
        await context.close();
      }
    },
  );

  it.each(COMBINATIONS)(
    'should show the operator’s invitation, refuse a wrong password at its field, and accept the right one (%s, %s)',
    async (lang, viewport) => {
      const g = GRANT_TEXTS[lang];
      const email = uniqueEmail(`invited-${lang}-${viewport}`);
      await account(email);
      const sent = await callApi(origin, 'POST', '/v1/invitations', operatorToken, {
        email,
        role: Role.SOCIETY_ADMIN,
        party: societyId,
        language: lang,
      });
      expect(sent.status).toBe(201);
      const link = await mailedLink(path.join(dataDir, 'mail'), email, INVITATION_PATH);
      const context = await newReaderContext(browser, viewport, lang);
      const page = await context.newPage();
      try {
        await page.goto(link);
        await checkPage(page, 'invitation', lang, viewport, g.invitationTitle);
        const what = g.what(g.roles.SOCIETY_ADMIN!, SOCIETY);
        expect(await page.locator('main').textContent()).toContain(
          g.invitationIntro(g.operator, what),
        );
        expect(await page.locator('main strong').textContent()).toBe(email);
        if (viewport === 'desktop') {
          await checkKeyboard(page, lang, ['input#password', `button "${g.invitationButton}"`]);
        }

        await page.getByLabel(TEXTS[lang].password, { exact: true }).fill('not my password at all');
        await page.getByRole('button', { name: g.invitationButton, exact: true }).click();
        await page.getByRole('alert').waitFor();
        await checkFieldError(page, 'password', TEXTS[lang].problems['credentials-wrong']);
        await checkPage(page, 'invitation-refused', lang, viewport, g.invitationTitle);

        await page.getByLabel(TEXTS[lang].password, { exact: true }).fill(PASSWORD);
        await page.getByRole('button', { name: g.invitationButton, exact: true }).click();
        await checkPage(page, 'invitation-accepted', lang, viewport, g.invitationAcceptedTitle);
        const { rows } = await db.query<{ role: string; party_id: string }>(
          `SELECT g.role, g.party_id FROM identity.grants g JOIN identity.accounts a ON a.id = g.account_id
            WHERE a.email = $1 AND g.revoked_at IS NULL`,
          [email],
        );
        expect(rows).toEqual([{ role: Role.SOCIETY_ADMIN, party_id: societyId }]);
      } finally {
        await context.close();
      }
    },
  );

  it.each(COMBINATIONS)(
    'should take a person through the device flow of the CLI: code entry, an unknown code, confirmation, sign-in, success (%s, %s)',
    async (lang, viewport) => {
      const t = DEVICE_TEXTS[lang];
      const email = uniqueEmail(`device-${lang}-${viewport}`);
      await account(email);
      const cli = await client.discovery(
        new URL(sut.identity.issuer),
        CLI_CLIENT_ID,
        undefined,
        client.None(),
        { execute: [client.allowInsecureRequests] },
      );
      const device = await client.initiateDeviceAuthorization(cli, {
        scope: 'openid offline_access api',
        resource: RESOURCE,
      });
      const context = await newReaderContext(browser, viewport, lang);
      const page = await context.newPage();
      try {
        await page.goto(device.verification_uri);
        await checkPage(page, 'device-code', lang, viewport, t.inputTitle);
        expect(await page.locator('#user_code').getAttribute('aria-describedby')).toBe(
          'user_code-hint',
        );
        if (viewport === 'desktop') {
          await checkKeyboard(page, lang, ['input#user_code', `button "${t.inputButton}"`]);
        }

        // A code nobody was given: refused at its field, the typed code kept.
        await page.getByLabel(t.codeLabel, { exact: true }).fill('BCDF-GHJK');
        await page.getByRole('button', { name: t.inputButton, exact: true }).click();
        await page.getByRole('alert').waitFor();
        await checkFieldError(page, 'user_code', t.problems['code-unknown']);
        await checkPage(page, 'device-code-unknown', lang, viewport, t.inputTitle);

        await page.getByLabel(t.codeLabel, { exact: true }).fill(device.user_code);
        await page.getByRole('button', { name: t.inputButton, exact: true }).click();
        await checkPage(page, 'device-confirm', lang, viewport, t.confirmTitle);
        expect(await page.locator('.user-code').textContent()).toBe(device.user_code);
        if (viewport === 'desktop') {
          await checkKeyboard(page, lang, [
            `button "${t.confirmButton}"`,
            `button "${t.abortButton}"`,
          ]);
        }

        await page.getByRole('button', { name: t.confirmButton, exact: true }).click();
        await signIn(page, lang, email);
        await page.getByRole('heading', { level: 1 }).waitFor();
        if ((await heading(page)) === TEXTS[lang].consentTitle) {
          await page.getByRole('button', { name: TEXTS[lang].consentAllow, exact: true }).click();
        }
        await checkPage(page, 'device-success', lang, viewport, t.successTitle);
      } finally {
        await context.close();
      }
    },
  );

  describe('the second step with a passkey', () => {
    const email = uniqueEmail('second-step');

    beforeAll(async () => {
      await account(email);
      // The person adds a passkey on /account (a virtual authenticator of Chromium's) and
      // turns the second step on, as the passkeys' own browser test does.
      const context = await newReaderContext(browser, 'desktop', 'en');
      const page = await context.newPage();
      try {
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
        const t = ACCOUNT_TEXTS.en;
        await page.goto(`${origin}/account`);
        await signIn(page, 'en', email);
        await page.waitForURL(`${origin}/account**`);
        await page.getByLabel(t.passkeyName, { exact: true }).fill('Phone');
        await page.getByRole('button', { name: t.addPasskey, exact: true }).click();
        await page.getByRole('status').filter({ hasText: t.done['passkey-added'] }).waitFor();
        await page.getByRole('button', { name: t.turnOn, exact: true }).click();
        await page.getByRole('status').filter({ hasText: t.done['second-factor'] }).waitFor();
      } finally {
        await context.close();
      }
    });

    it.each(COMBINATIONS)(
      'should ask for the passkey after the right password (%s, %s)',
      async (lang, viewport) => {
        const context = await newReaderContext(browser, viewport, lang);
        const page = await context.newPage();
        try {
          await page.goto(`${origin}/account`);
          await signIn(page, lang, email);
          await page
            .getByRole('button', { name: SECOND_FACTOR_BUTTON[lang], exact: true })
            .waitFor();
          await checkPage(page, 'second-factor', lang, viewport, SECOND_FACTOR_TITLE[lang]);
          if (viewport === 'desktop') {
            await checkKeyboard(page, lang, [`button "${SECOND_FACTOR_BUTTON[lang]}"`]);
          }
        } finally {
          await context.close();
        }
      },
    );
  });
});
