import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeJwt } from 'jose';
import * as client from 'openid-client';
import type { Browser, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { RESET_PATH, VERIFY_PATH } from '../apps/identity/src/accounts/application/account-mail.js';
import type { Language } from '../apps/identity/src/accounts/domain/language.js';
import { TEXTS } from '../apps/identity/src/pages/texts.js';
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

const SUITE = 'identity-pages';
const RESOURCE = 'urn:clearinghouse:api';
/** One long word, as a client's name may be: the consent page wraps it on a phone. */
const CLIENT_ID = 'ClearinghousePortalForCreatorsAndRightHoldersOfEverySociety';
const PASSWORD = 'a walk along the kamo river';
const NEW_PASSWORD = 'tea at the station before the last train';
const COMBINATIONS: [Language, ViewportName][] = [
  ['ja', 'phone'],
  ['ja', 'desktop'],
  ['en', 'phone'],
  ['en', 'desktop'],
];

const other = (lang: Language): Language => (lang === 'ja' ? 'en' : 'ja');
const uniqueEmail = (label: string) => `${label}-${randomBytes(4).toString('hex')}@example.jp`;

describe('the identity pages in Chromium, in Japanese and English, on a phone and a desktop', () => {
  let browser: Browser;
  let database: TestDatabase;
  let dataDir: string;
  let sut: Standalone;
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
    dataDir = await mkdtemp(path.join(tmpdir(), 'identity-pages-'));
    sut = await startTestStandalone(database.url, {
      DATA_DIR: dataDir,
      IDENTITY_CLIENTS: JSON.stringify([
        {
          client_id: CLIENT_ID,
          token_endpoint_auth_method: 'none',
          redirect_uris: [redirectUri],
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
        },
      ]),
    });
    portal = await client.discovery(
      new URL(sut.identity.issuer),
      CLIENT_ID,
      { id_token_signed_response_alg: 'ES256' },
      client.None(),
      { execute: [client.allowInsecureRequests] },
    );
  });

  afterAll(async () => {
    await browser?.close();
    await sut?.stop();
    application?.close();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** An authorization request of the portal, as the application sends a browser. */
  async function authorizationRequest(): Promise<{ url: URL; verifier: string; state: string }> {
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const url = client.buildAuthorizationUrl(portal, {
      redirect_uri: redirectUri,
      scope: 'openid email api',
      resource: RESOURCE,
      state,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    return { url, verifier, state };
  }

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

  it.each(COMBINATIONS)(
    'should take a person from the authorization request through sign-up, verification, reset and sign-in to tokens (%s, %s)',
    async (lang, viewport) => {
      const t = TEXTS[lang];
      const context = await newReaderContext(browser, viewport, lang);
      const page = await context.newPage();
      const email = uniqueEmail(`${lang}-${viewport}`);
      const mailDir = path.join(dataDir, 'mail');
      try {
        const request = await authorizationRequest();
        await page.goto(request.url.href);
        await checkPage(page, 'sign-in', lang, viewport, t.signInTitle);
        const signInUrl = page.url();

        await page.getByRole('link', { name: t.toSignUp, exact: true }).click();
        await checkPage(page, 'sign-up', lang, viewport, t.signUpTitle);

        // A wrong address: announced, tied to its field, in the page's language.
        await page.getByLabel(t.email, { exact: true }).fill('not-an-address');
        await page.getByLabel(t.password, { exact: true }).fill(PASSWORD);
        await page.getByRole('button', { name: t.signUpButton, exact: true }).click();
        expect(await page.getByRole('alert').textContent()).toContain(t.problems['email-invalid']);
        const field = page.getByLabel(t.email, { exact: true });
        expect(await field.getAttribute('aria-invalid')).toBe('true');
        const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
        expect(describedBy.split(' ')).toContain('email-error');
        expect(await page.locator('#email-error').textContent()).toBe(t.problems['email-invalid']);
        await checkPage(page, 'sign-up-error', lang, viewport, t.signUpTitle);
        if (viewport === 'phone') {
          // 400% zoom of a desktop: the page reflows into 320 CSS pixels.
          await page.setViewportSize({ width: 320, height: 640 });
          expect(await sidewaysScroll(page)).toBeUndefined();
          await page.setViewportSize({ width: 390, height: 844 });
        }

        await page.getByLabel(t.email, { exact: true }).fill(email);
        await page.getByLabel(t.password, { exact: true }).fill(PASSWORD);
        await page.getByRole('button', { name: t.signUpButton, exact: true }).click();
        await checkPage(page, 'check-mail', lang, viewport, t.checkMailTitle);

        await page.goto(await mailedLink(mailDir, email, VERIFY_PATH));
        await checkPage(page, 'verify', lang, viewport, t.verifyTitle);
        await page.getByRole('button', { name: t.verifyButton, exact: true }).click();
        await checkPage(page, 'verified', lang, viewport, t.verifiedTitle);

        await page.goto(signInUrl);
        await page.getByRole('link', { name: t.toForgot, exact: true }).click();
        await checkPage(page, 'forgot', lang, viewport, t.forgotTitle);
        await page.getByLabel(t.email, { exact: true }).fill(email);
        await page.getByRole('button', { name: t.forgotButton, exact: true }).click();
        await checkPage(page, 'check-mail-reset', lang, viewport, t.checkMailTitle);

        await page.goto(await mailedLink(mailDir, email, RESET_PATH));
        await checkPage(page, 'reset', lang, viewport, t.resetTitle);
        await page.getByLabel(t.newPassword, { exact: true }).fill(NEW_PASSWORD);
        await page.getByRole('button', { name: t.resetButton, exact: true }).click();
        await checkPage(page, 'reset-done', lang, viewport, t.resetDoneTitle);

        await page.goto(signInUrl);
        await page.getByLabel(t.email, { exact: true }).fill(email);
        await page.getByLabel(t.password, { exact: true }).fill(NEW_PASSWORD);
        await page.getByRole('button', { name: t.signInButton, exact: true }).click();
        await checkPage(page, 'consent', lang, viewport, t.consentTitle);
        await page.getByRole('button', { name: t.consentAllow, exact: true }).click();
        await page.waitForURL((url) => url.href.startsWith(redirectUri));

        // Back at the application with a code, which it exchanges with its PKCE verifier.
        const callback = new URL(page.url());
        expect(callback.searchParams.get('code')).toEqual(expect.any(String));
        const tokens = await client.authorizationCodeGrant(portal, callback, {
          pkceCodeVerifier: request.verifier,
          expectedState: request.state,
        });
        const subject = tokens.claims()?.sub;
        expect(subject).toEqual(expect.any(String));
        expect(decodeJwt(tokens.access_token)).toMatchObject({
          sub: subject,
          aud: RESOURCE,
          client_id: CLIENT_ID,
        });

        await page.goto(`${sut.gatewayUrl}/interaction/no-such-sign-in`);
        await checkPage(page, 'interaction-expired', lang, viewport, t.errorTitle);
        expect(await page.locator('main p').textContent()).toBe(t.problems['interaction-expired']);

        await page.goto(`${sut.gatewayUrl}${VERIFY_PATH}?token=not-a-token`);
        await checkPage(page, 'invalid-link', lang, viewport, t.errorTitle);
        expect(await page.locator('main p').textContent()).toBe(t.problems['link-invalid']);
      } finally {
        await context.close();
      }
    },
  );

  it.each(['ja', 'en'] as Language[])(
    'should reach every field and button by the keyboard, with the focus drawn (%s)',
    async (lang) => {
      const t = TEXTS[lang];
      const context = await newReaderContext(browser, 'desktop', lang);
      const page = await context.newPage();
      try {
        await page.goto((await authorizationRequest()).url.href);
        const switchLink = `a "${TEXTS[other(lang)].languageName}"`;
        const signIn = await tabOrder(page, 6);
        expect(signIn.map(({ element }) => element)).toEqual([
          switchLink,
          'input#email',
          'input#password',
          `button "${t.signInButton}"`,
          `a "${t.toForgot}"`,
          `a "${t.toSignUp}"`,
        ]);
        expect(signIn.filter(({ focusVisible }) => !focusVisible)).toEqual([]);
        expect(await page.getByLabel(t.email, { exact: true }).getAttribute('id')).toBe('email');
        expect(await page.getByLabel(t.password, { exact: true }).getAttribute('id')).toBe(
          'password',
        );

        await page.getByRole('link', { name: t.toSignUp, exact: true }).click();
        const signUp = await tabOrder(page, 5);
        expect(signUp.map(({ element }) => element)).toEqual([
          switchLink,
          'input#email',
          'input#password',
          `button "${t.signUpButton}"`,
          `a "${t.toSignIn}"`,
        ]);
        expect(signUp.filter(({ focusVisible }) => !focusVisible)).toEqual([]);
        // The password's rule is read with the field.
        expect(await page.locator('#password').getAttribute('aria-describedby')).toBe(
          'password-hint',
        );

        // Submitting by the keyboard alone: the error is announced and the field marked.
        await page.locator('#email').focus();
        await page.keyboard.type('person@example.jp');
        await page.keyboard.press('Tab');
        await page.keyboard.type('short');
        await page.keyboard.press('Enter');
        expect(await page.getByRole('alert').textContent()).toContain(
          t.problems['password-too-short'],
        );
        expect(await page.locator('#password').getAttribute('aria-invalid')).toBe('true');
        expect(await page.locator('#email').inputValue()).toBe('person@example.jp');

        await page.goto((await authorizationRequest()).url.href);
        await page.getByRole('link', { name: t.toForgot, exact: true }).click();
        const forgot = await tabOrder(page, 4);
        expect(forgot.map(({ element }) => element)).toEqual([
          switchLink,
          'input#email',
          `button "${t.forgotButton}"`,
          `a "${t.toSignIn}"`,
        ]);
        expect(forgot.filter(({ focusVisible }) => !focusVisible)).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it('should keep the page and its state when the language is switched', async () => {
    const context = await newReaderContext(browser, 'phone', 'ja');
    const page = await context.newPage();
    const email = uniqueEmail('switch');
    try {
      await page.goto((await authorizationRequest()).url.href);
      await page.getByRole('link', { name: TEXTS.ja.toSignUp, exact: true }).click();
      const signUpPath = new URL(page.url()).pathname;

      await page.getByRole('link', { name: TEXTS.en.languageName, exact: true }).click();
      expect(new URL(page.url()).pathname).toBe(signUpPath);
      expect(await heading(page)).toBe(TEXTS.en.signUpTitle);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');

      // The same sign-in goes on in English: the account is made, the mail is English.
      await page.getByLabel(TEXTS.en.email, { exact: true }).fill(email);
      await page.getByLabel(TEXTS.en.password, { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: TEXTS.en.signUpButton, exact: true }).click();
      expect(await heading(page)).toBe(TEXTS.en.checkMailTitle);

      // A mailed link's page keeps its token across the switch and still confirms.
      await page.goto(await mailedLink(path.join(dataDir, 'mail'), email, VERIFY_PATH));
      expect(await heading(page)).toBe(TEXTS.en.verifyTitle);
      await page.getByRole('link', { name: TEXTS.ja.languageName, exact: true }).click();
      expect(await heading(page)).toBe(TEXTS.ja.verifyTitle);
      expect(new URL(page.url()).searchParams.get('lang')).toBe('ja');
      await page.getByRole('button', { name: TEXTS.ja.verifyButton, exact: true }).click();
      expect(await heading(page)).toBe(TEXTS.ja.verifiedTitle);
    } finally {
      await context.close();
    }
  });

  it('should load the pages’ style sheet through the gateway', async () => {
    const context = await newReaderContext(browser, 'desktop', 'en');
    const page = await context.newPage();
    try {
      const sheet = await page.request.get(`${sut.gatewayUrl}/pages/style.css`);
      expect(sheet.status()).toBe(200);
      expect(sheet.headers()['content-type']).toMatch(/^text\/css/);
      await page.goto((await authorizationRequest()).url.href);
      // The button takes the sheet's colours, not the browser's grey.
      const background = await page.evaluate(
        "getComputedStyle(document.querySelector('button[type=submit]')).backgroundColor",
      );
      expect(background).toBe('rgb(0, 49, 216)');
    } finally {
      await context.close();
    }
  });
});
