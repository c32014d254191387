import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
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
import { caughtUp, eventually } from '../support/service-processes.js';
import { startTestStandalone } from '../support/systems.js';

const SUITE = 'portal-money';
type Language = 'ja' | 'en';
const COMBINATIONS: [Language, ViewportName][] = [
  ['ja', 'phone'],
  ['ja', 'desktop'],
  ['en', 'phone'],
  ['en', 'desktop'],
];
const EMAIL = 'tanaka@demo.example';
/** Links of the portal's frame, not of these pages: "Account settings" in the footer. */
const HOLDER_NAME = '田中 ゆい';

/** Today (UTC) and the days around it, as the batch's period and the usage dates. */
const TODAY = (() => {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
})();
const day = (offset: number) => new Date(TODAY + offset * 86_400_000).toISOString().slice(0, 10);

/** The pages' headings, as the portal writes them. */
const TITLES = {
  ja: {
    optOuts: 'オプトアウトの一覧',
    newOptOut: '作品をオプトアウトする',
    optedOut: 'オプトアウトを登録しました',
    money: '分配金',
    statement: `${HOLDER_NAME} 様の分配明細`,
    claims: '分配金の請求',
    newClaim: '保留中の分配金を請求する',
    claimed: '請求を送りました',
  },
  en: {
    optOuts: 'My opt-outs',
    newOptOut: 'Opt a work out',
    optedOut: 'Your opt-out is registered',
    money: 'My money',
    statement: `Statement for ${HOLDER_NAME}`,
    claims: 'My claims',
    newClaim: 'Claim money held for a work',
    claimed: 'Your claim is sent',
  },
};

/**
 * A right holder's opt-outs, money and claims in the portal, in Chromium against a standalone
 * system: a non-member holder (its money is held until it claims) with an approved batch; the
 * person signs in through the identity pages as the portal sends them there.
 */
describe('the portal: a right holder’s opt-outs, money and claims', () => {
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

  /** A society with a MUSIC scheme, a platform, the holder's two works, a license, usage, a batch. */
  async function seed(): Promise<void> {
    const operator = await as(Role.OPERATOR, randomUUID());
    const register = async (input: Record<string, unknown>) =>
      (
        await graphql<{ registerParty: { id: string } }>(
          operator,
          'mutation ($input: RegisterPartyInput!) { registerParty(input: $input) { id } }',
          { input },
        )
      ).registerParty.id;
    ids.society = await register({ kind: 'SOCIETY', name: 'さくら音楽著作権協会' });
    ids.platform = await register({ kind: 'PLATFORM', name: 'Sakura Video' });
    ids.holder = await register({ kind: 'RIGHT_HOLDER', name: HOLDER_NAME, country: 'JP' });
    await settled();
    const admin = await as(Role.SOCIETY_ADMIN, ids.society);
    await graphql(
      admin,
      `
        mutation ($society: ID!) {
          createEclScheme(
            input: {
              societyId: $society
              category: MUSIC
              useTypes: [STREAM, SNS_POST]
              territories: ["JP"]
              rightType: MAKING_AVAILABLE
              unitRateMinor: "2"
              currency: "JPY"
              coversUnidentified: false
              weights: [{ useType: STREAM, weight: 1 }, { useType: SNS_POST, weight: 1 }]
            }
          ) {
            id
          }
        }
      `,
      { society: ids.society },
    );
    const holder = await as(Role.RIGHT_HOLDER, ids.holder);
    const registerWork = async (title: string) =>
      (
        await graphql<{ registerWork: { id: string } }>(
          holder,
          'mutation ($input: RegisterWorkInput!) { registerWork(input: $input) { id } }',
          {
            input: {
              idempotencyKey: randomUUID(),
              category: 'MUSIC',
              title,
              shares: [{ holderId: ids.holder, rightType: 'MAKING_AVAILABLE', shareBps: 10_000 }],
            },
          },
        )
      ).registerWork.id;
    ids.rain = await registerWork('桜の雨');
    ids.star = await registerWork('星のうた');
    await settled();
    const platform = await as(Role.PLATFORM, ids.platform);
    const { requestUse } = await graphql<{
      requestUse: { items: { decision: string; license: { id: string } | null }[] };
    }>(
      platform,
      `
        mutation ($input: RequestUseInput!) {
          requestUse(input: $input) {
            items {
              decision
              license {
                id
              }
            }
          }
        }
      `,
      {
        input: {
          idempotencyKey: randomUUID(),
          items: [
            {
              workId: ids.rain,
              useType: 'STREAM',
              territory: 'JP',
              from: day(-10),
              to: day(30),
              expectedQuantity: 1000,
            },
          ],
        },
      },
    );
    expect(requestUse.items[0]!.decision).toBe('GRANTED_ECL');
    const license = requestUse.items[0]!.license!.id;
    await settled();
    const csv = [
      'licenseId,workId,identifier,title,useType,territory,quantity,usageDate',
      `${license},${ids.rain},,,STREAM,JP,300,${day(-3)}`,
    ].join('\n');
    const upload = await fetch(
      `${sut.gatewayUrl}/v1/usage-reports?periodStart=${day(-7)}&periodEnd=${day(0)}`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${platform}`,
          'content-type': 'text/csv',
          'idempotency-key': randomUUID(),
        },
        body: csv,
      },
    );
    expect(upload.status).toBe(201);
    const { createDistributionBatch } = await graphql<{ createDistributionBatch: { id: string } }>(
      admin,
      `
        mutation ($start: String!, $end: String!) {
          createDistributionBatch(
            input: {
              periodStart: $start
              periodEnd: $end
              category: MUSIC
              poolAmountMinor: "10000"
              currency: "JPY"
              adminFeeBps: 1000
            }
          ) {
            id
          }
        }
      `,
      { start: day(-7), end: day(0) },
    );
    ids.batch = createDistributionBatch.id;
    await graphql(admin, 'mutation ($id: ID!) { calculateDistributionBatch(id: $id) { id } }', {
      id: ids.batch,
    });
    await eventually(async () => {
      const { distributionBatch } = await graphql<{
        distributionBatch: { status: string; calculation: { state: string } };
      }>(
        admin,
        'query ($id: ID!) { distributionBatch(id: $id) { status calculation { state } } }',
        {
          id: ids.batch,
        },
      );
      expect(distributionBatch.calculation.state).not.toBe('FAILED');
      return distributionBatch.status === 'CALCULATED';
    }, 60_000);
    await graphql(admin, 'mutation ($id: ID!) { approveDistributionBatch(id: $id) { id } }', {
      id: ids.batch,
    });
    const { reserves } = await graphql<{ reserves: { edges: { node: { id: string } }[] } }>(
      operator,
      `
        query ($batch: ID!) {
          reserves(filter: { batchId: $batch, reason: "NON_MEMBER" }) {
            edges {
              node {
                id
              }
            }
          }
        }
      `,
      { batch: ids.batch },
    );
    ids.reserve = reserves.edges[0]!.node.id;
  }

  beforeAll(async () => {
    browser = await launchChromium();
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'portal-money-'));
    sut = await startTestStandalone(database.url, {
      DATA_DIR: dataDir,
      AUTH_JWT_SECRET: secret,
      EVENT_POLL_INTERVAL_MS: '200',
    });
    await seed();
    // The holder's person: an account with a verified address and a right holder's grant.
    const dataSource = createDataSource(identityDatabase, { url: database.url, poolSize: 1 });
    await dataSource.initialize();
    try {
      const [account] = await ensureDemoAccounts(dataSource, [
        {
          email: EMAIL,
          language: 'ja',
          role: 'RIGHT_HOLDER',
          party: { id: ids.holder!, name: HOLDER_NAME, kind: 'RIGHT_HOLDER' },
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
    await page.waitForURL((url) => url.pathname === address.split('?')[0]);
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

  it('should let the holder opt a work out of SNS posts, withdraw it, read and download a statement, and claim held money', async () => {
    const context = await newReaderContext(browser, 'desktop', 'en');
    const page = await context.newPage();
    try {
      await signedIn(page, 'en', '/me/opt-outs');
      await heading(page, TITLES.en.optOuts);
      await page.getByText('You have not opted any work out.', { exact: false }).waitFor();

      // A new opt-out of one work, for posts on social networks only, from now.
      await page.goto(`${sut.gatewayUrl}/me/opt-outs/new?work=${ids.star}`);
      await heading(page, TITLES.en.newOptOut);
      await page.getByRole('option', { name: '星のうた' }).waitFor({ state: 'attached' });
      expect(await page.getByLabel('Work', { exact: true }).inputValue()).toBe(ids.star);
      await page.getByRole('radio', { name: 'Only some uses' }).check();
      await page.getByRole('checkbox', { name: 'Posts on social networks' }).check();
      await page.getByRole('button', { name: 'Register the opt-out' }).click();
      await heading(page, TITLES.en.optedOut);
      const confirmation = page.locator('.notice-success');
      expect((await confirmation.textContent())?.trim().length).toBeGreaterThan(20);
      expect(await page.getByRole('definition').allTextContents()).toEqual(
        expect.arrayContaining(['星のうた', 'Posts on social networks']),
      );
      const { optOuts } = await graphql<{ optOuts: { useTypes: string[]; inForce: boolean }[] }>(
        await as(Role.RIGHT_HOLDER, ids.holder!),
        'query ($holder: ID!) { optOuts(holderId: $holder) { useTypes inForce } }',
        { holder: ids.holder },
      );
      expect(optOuts).toEqual([{ useTypes: ['SNS_POST'], inForce: true }]);

      // Withdrawn after the confirm step.
      await page.getByRole('link', { name: 'See all my opt-outs' }).click();
      await heading(page, TITLES.en.optOuts);
      await page.getByRole('button', { name: 'Withdraw the opt-out of 星のうた' }).click();
      await page.getByRole('button', { name: 'Yes, withdraw it' }).click();
      await page.getByText('The opt-out of 星のうた is withdrawn.').waitFor();
      await page.getByText(/^Withdrawn on/).waitFor();

      // The statement of the approved batch: the held money, a line per work and use.
      await page.goto(`${sut.gatewayUrl}/me/money/${ids.batch}`);
      await heading(page, TITLES.en.statement);
      const row = page.getByRole('row', { name: /桜の雨/ });
      expect(await row.textContent()).toContain('Streaming');
      expect(await row.textContent()).toContain('Held until you claim it');
      const downloaded = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download as CSV (spreadsheet)' }).click();
      const download = await downloaded;
      expect(download.suggestedFilename()).toBe(`statement-${ids.batch}-${ids.holder}.csv`);
      const csv = await readFile(await download.path(), 'utf8');
      const [header, ...lines] = csv.trim().split(/\r?\n/);
      const columns = header!.split(',').map((column) => column.trim());
      expect(columns).toEqual(expect.arrayContaining(['work_key', 'use_type', 'amount', 'status']));
      expect(lines).toHaveLength(1);
      const cells = lines[0]!.split(',').map((cell) => cell.trim());
      const cell = (name: string) => cells[columns.indexOf(name)];
      expect([cell('work_key'), cell('use_type'), cell('status')]).toEqual([
        ids.rain,
        'STREAM',
        'HELD',
      ]);
      expect(cell('amount')).toMatch(/^[1-9]\d*$/);

      // Claiming the held money with evidence.
      await page.goto(`${sut.gatewayUrl}/me/claims/new?reserve=${ids.reserve}`);
      await heading(page, TITLES.en.newClaim);
      await page.getByText('桜の雨').waitFor();
      await page.getByRole('button', { name: 'Send the claim' }).click();
      expect(await page.getByRole('alert').textContent()).toContain(
        'Tell us why the money is yours',
      );
      await page
        .getByLabel('Why is this money yours?')
        .fill('I wrote and recorded 桜の雨; JASRAC registration 123-4567-8.');
      await page.getByRole('button', { name: 'Send the claim' }).click();
      await heading(page, TITLES.en.claimed);
      const { claims } = await graphql<{ claims: { edges: { node: { status: string } }[] } }>(
        await as(Role.RIGHT_HOLDER, ids.holder!),
        '{ claims { edges { node { status } } } }',
      );
      expect(claims.edges.map((edge) => edge.node.status)).toEqual(['PENDING']);
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
        await signedIn(page, lang, '/me/opt-outs');
        await heading(page, titles.optOuts);
        await page.locator('.card-list li').first().waitFor();
        await checkPage(page, 'opt-outs', lang, viewport);

        await page.goto(`${sut.gatewayUrl}/me/opt-outs/new`);
        await heading(page, titles.newOptOut);
        await page.getByRole('radio').nth(3).check();
        await page.getByRole('radio').nth(5).check();
        await page.getByRole('button').last().click();
        await page.locator('#error-summary-title').waitFor();
        await checkPage(page, 'opt-out-new-errors', lang, viewport);

        await page.goto(`${sut.gatewayUrl}/me/money`);
        await heading(page, titles.money);
        await page.locator('table').first().waitFor();
        await checkPage(page, 'money', lang, viewport);

        await page.goto(`${sut.gatewayUrl}/me/money/${ids.batch}`);
        await heading(page, titles.statement);
        await checkPage(page, 'statement', lang, viewport);

        await page.goto(`${sut.gatewayUrl}/me/claims`);
        await heading(page, titles.claims);
        await page.locator('table').first().waitFor();
        await checkPage(page, 'claims', lang, viewport);

        await page.goto(`${sut.gatewayUrl}/me/claims/new?reserve=${ids.reserve}`);
        await heading(page, titles.newClaim);
        await page.getByText('桜の雨').waitFor();
        await checkPage(page, 'claim-new', lang, viewport);
      } finally {
        await context.close();
      }
    },
    180_000,
  );
});
