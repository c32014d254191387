import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { Tokens } from '#libs/auth';
import { Role } from '#libs/contracts';
import { createDataSource } from '#libs/database';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { ensureDemoAccounts } from '../../apps/identity/src/demo/demo-accounts.js';
import { identityDatabase } from '../../apps/identity/src/identity.database.js';
import { TEXTS } from '../../apps/identity/src/pages/texts.js';
import type { Standalone } from '../../apps/standalone/src/start-standalone.js';
import {
  accessibilityViolations,
  launchChromium,
  newReaderContext,
  saveScreenshot,
  sidewaysScroll,
  smallTapTargets,
  type ViewportName,
} from '../../libs/testing/src/browser/index.js';
import { graphqlAt } from '../support/graphql.js';
import { caughtUp } from '../support/service-processes.js';
import { startTestStandalone } from '../support/systems.js';

const SUITE = 'portal-holder';
type Language = 'ja' | 'en';
const COMBINATIONS: [Language, ViewportName][] = [
  ['ja', 'phone'],
  ['ja', 'desktop'],
  ['en', 'phone'],
  ['en', 'desktop'],
];
const EMAIL = 'yamada@demo.example';
const HOLDER_NAME = '山田 花子';
const ISWC_OF_OTHERS = 'T-034.524.680-1';
const CSV_HEADER =
  'title,category,creators,alternative_titles,iswc,isrc,isan,isbn,proprietary,shares';

const TITLES = {
  ja: {
    mine: 'マイページ',
    become: '権利者として登録する',
    works: '自分の作品',
    newWork: '作品を登録する',
    import: 'CSV ファイルから作品を取り込む',
    disputes: '自分の作品の紛争',
  },
  en: {
    mine: 'My page',
    become: 'Become a right holder',
    works: 'My works',
    newWork: 'Register a work',
    import: 'Import works from a CSV file',
    disputes: 'Disputes on my works',
  },
};

/**
 * A right holder's own pages in Chromium against a standalone system: the person signs in
 * through the identity pages, registers a work, imports a CSV with a bad line, changes shares,
 * claims another holder's identifier and withdraws that claim.
 */
describe('the portal: a right holder’s works, imports, shares and disputes', () => {
  let browser: Browser;
  let database: TestDatabase;
  let dataDir: string;
  let sut: Standalone;
  const secret = randomBytes(32).toString('hex');
  const tokens = new Tokens(secret);
  const as = (role: Role, partyId: string) => tokens.issue({ role, partyId }, 3600);
  const ids: Record<string, string> = {};
  let password: string;

  async function graphql<T>(
    token: string | undefined,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const body = await graphqlAt<T>(sut.gatewayUrl, query, variables, token);
    expect(body.errors).toBeUndefined();
    return body.data!;
  }
  const settled = () => Promise.all(sut.services.map((service) => caughtUp(service)));

  beforeAll(async () => {
    browser = await launchChromium();
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'portal-holder-'));
    sut = await startTestStandalone(database.url, {
      DATA_DIR: dataDir,
      AUTH_JWT_SECRET: secret,
      EVENT_POLL_INTERVAL_MS: '200',
    });
    const operator = await as(Role.OPERATOR, randomUUID());
    const register = async (name: string) =>
      (
        await graphql<{ registerParty: { id: string } }>(
          operator,
          'mutation ($input: RegisterPartyInput!) { registerParty(input: $input) { id } }',
          { input: { kind: 'RIGHT_HOLDER', name, country: 'JP' } },
        )
      ).registerParty.id;
    ids.holder = await register(HOLDER_NAME);
    ids.other = await register('Kawa Music Publishing');
    await settled();
    await graphql(
      await as(Role.RIGHT_HOLDER, ids.other),
      'mutation ($input: RegisterWorkInput!) { registerWork(input: $input) { id } }',
      {
        input: {
          idempotencyKey: randomUUID(),
          title: '川の歌',
          category: 'MUSIC',
          identifiers: [{ scheme: 'ISWC', value: ISWC_OF_OTHERS }],
          shares: [{ holderId: ids.other, rightType: 'PERFORMANCE', shareBps: 10_000 }],
        },
      },
    );
    await settled();
    const dataSource = createDataSource(identityDatabase, { url: database.url, poolSize: 1 });
    await dataSource.initialize();
    try {
      const [account] = await ensureDemoAccounts(dataSource, [
        {
          email: EMAIL,
          language: 'ja',
          role: 'RIGHT_HOLDER',
          party: { id: ids.holder, name: HOLDER_NAME, kind: 'RIGHT_HOLDER' },
        },
      ]);
      password = account!.password!;
    } finally {
      await dataSource.destroy();
    }
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await sut?.stop();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** Opens a page of the portal signed out, signs in through the identity pages, lands on it. */
  async function signedIn(page: Page, lang: Language, address: string): Promise<void> {
    await page.goto(`${sut.gatewayUrl}${address}`);
    const portalSignIn = lang === 'ja' ? 'ログイン' : 'Sign in';
    await page.getByRole('main').getByRole('button', { name: portalSignIn, exact: true }).click();
    const t = TEXTS[lang];
    await page.getByLabel(t.email, { exact: true }).fill(EMAIL);
    await page.getByLabel(t.password, { exact: true }).fill(password);
    await page.getByRole('button', { name: t.signInButton, exact: true }).click();
    await page.waitForURL((url) => url.pathname === address);
  }

  async function heading(page: Page, name: string): Promise<void> {
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  }

  /** In its language, axe clean, tappable, no sideways scroll on a phone; a screenshot saved. */
  async function checkPage(
    page: Page,
    name: string,
    lang: Language,
    viewport: ViewportName,
  ): Promise<void> {
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await smallTapTargets(page)).toEqual([]);
    if (viewport === 'phone') expect(await sidewaysScroll(page)).toBeUndefined();
    await saveScreenshot(page, { suite: SUITE, name, lang, viewport });
  }

  const csvFile = (lines: string[]) => ({
    name: 'works.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([CSV_HEADER, ...lines].join('\n')),
  });

  it('should let the holder register a work, import a CSV, change shares and withdraw a claim', async () => {
    const context = await newReaderContext(browser, 'desktop', 'en');
    const page = await context.newPage();
    try {
      await signedIn(page, 'en', '/me');
      await heading(page, TITLES.en.mine);
      await page.getByText(`You are signed in as a right holder for ${HOLDER_NAME}.`).waitFor();

      // A work of its own, its share filled in as the holder's 100 %.
      await page.getByRole('link', { name: 'My works' }).click();
      await heading(page, TITLES.en.works);
      await page.getByRole('link', { name: 'Register a work' }).click();
      await heading(page, TITLES.en.newWork);
      await page.getByLabel('Title', { exact: false }).first().fill('Morning Song');
      await page.getByLabel(/^Category/).selectOption('MUSIC');
      await page.getByLabel('Creator 1', { exact: true }).fill('Hanako Yamada');
      await page.getByRole('button', { name: 'Register the work' }).click();
      await heading(page, 'Work registered');

      // A file with a bad second work: its line number, nothing imported; then a good file.
      await page.goto(`${sut.gatewayUrl}/me/works/import`);
      await heading(page, TITLES.en.import);
      const share = `${ids.holder}:PERFORMANCE:10000`;
      await page
        .getByLabel(/^CSV file/)
        .setInputFiles(
          csvFile([
            `Evening Song,MUSIC,,,,,,,,${share}`,
            `Broken Song,MUSIC,,,T-034.524.680-9,,,,,${share}`,
          ]),
        );
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const problems = page.getByRole('table', { name: 'Problems in the file, by line' });
      await problems.waitFor();
      expect(await problems.getByRole('rowheader').allTextContents()).toEqual(['3']);
      expect(await problems.getByRole('cell').allTextContents()).toEqual([
        'iswc',
        'T-034.524.680-9: ISWC check digit should be 1',
      ]);
      await page
        .getByLabel(/^CSV file/)
        .setInputFiles(csvFile([`Evening Song,MUSIC,,,,,,,,${share}`]));
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByText('1 works were imported.').waitFor();

      // New shares from a date: 60 % for the holder, 40 % for another.
      await page.goto(`${sut.gatewayUrl}/me/works`);
      await page.getByRole('link', { name: 'Change shares of Morning Song' }).click();
      await heading(page, 'Change shares of Morning Song');
      await page.getByLabel(/^Percentage of share 1/).fill('60');
      await page.getByRole('button', { name: 'Add a share' }).click();
      await page.getByLabel(/^Holder id of share 2/).fill(ids.other!);
      await page.getByLabel(/^Percentage of share 2/).fill('40');
      await page.getByLabel(/^From/).fill('2027-01-01');
      await page.getByText(/^From 1 January 2027, the shares will be:/).waitFor();
      await page.getByRole('button', { name: 'Save the new shares' }).click();
      await page.getByText('The new shares are saved. They count from 1 January 2027.').waitFor();

      // An identifier held by another holder's work opens a dispute there; the claim is withdrawn.
      await page.goto(`${sut.gatewayUrl}/me/works/new`);
      await heading(page, TITLES.en.newWork);
      await page.getByLabel('Title', { exact: false }).first().fill('My River Song');
      await page.getByLabel(/^Category/).selectOption('MUSIC');
      await page.getByRole('button', { name: 'Add an identifier' }).click();
      await page.getByLabel(/^Identifier 1/).fill(ISWC_OF_OTHERS);
      await page.getByRole('button', { name: 'Register the work' }).click();
      await heading(page, 'Work registered');
      await page.getByText(/a dispute was opened on that work/).waitFor();
      await page.goto(`${sut.gatewayUrl}/me/disputes`);
      await heading(page, TITLES.en.disputes);
      await page.getByRole('link', { name: '川の歌' }).waitFor();
      await page.getByRole('button', { name: 'Withdraw my claim' }).click();
      await page.getByText('The claim is withdrawn.').waitFor();
      await page.getByText('Withdrawn', { exact: true }).waitFor();
    } finally {
      await context.close();
    }
  }, 180_000);

  it.each(COMBINATIONS)(
    'should show every page of the holder in its language, accessible (%s, %s)',
    async (lang, viewport) => {
      const titles = TITLES[lang];
      const context = await newReaderContext(browser, viewport, lang);
      const page = await context.newPage();
      try {
        await signedIn(page, lang, '/me');
        await heading(page, titles.mine);
        await checkPage(page, 'mine', lang, viewport);
        for (const [address, title, name] of [
          ['/me/right-holder', titles.become, 'right-holder'],
          ['/me/works', titles.works, 'works'],
          ['/me/works/new', titles.newWork, 'works-new'],
          ['/me/works/import', titles.import, 'works-import'],
          ['/me/disputes', titles.disputes, 'disputes'],
        ] as const) {
          await page.goto(`${sut.gatewayUrl}${address}`);
          await heading(page, title);
          await page
            .getByRole('status')
            .first()
            .waitFor({ state: 'detached' })
            .catch(() => {});
          await checkPage(page, name, lang, viewport);
        }
        await page.goto(`${sut.gatewayUrl}/me/works`);
        await page.locator('.card-list li a[href$="/shares"]').first().click();
        await page.locator('table').waitFor();
        await checkPage(page, 'works-shares', lang, viewport);
      } finally {
        await context.close();
      }
    },
    120_000,
  );
});
