import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { Role } from '#libs/contracts';
import { Tokens } from '#libs/auth';
import { VERIFY_PATH } from '../../apps/identity/src/accounts/application/account-mail.js';
import { TEXTS } from '../../apps/identity/src/pages/texts.js';
import {
  accessibilityViolations,
  confirmMailedLink,
  launchChromium,
  newReaderContext,
  saveScreenshot,
  signInOnIdentityPages,
  signUpOnIdentityPages,
} from '../../libs/testing/src/browser/index.js';
import { graphqlAt } from '../support/graphql.js';
import { mailedLink } from '../support/mail-files.js';
import { eventually } from '../support/service-processes.js';
import { startDemoSystem, type DemoSystem } from './demo-system.js';

const SUITE = 'portal-story';
const PASSWORD = 'songs written on the night bus home';
const TITLE = `Night Bus Lullaby ${randomBytes(3).toString('hex')}`;
const LANG = 'en';
const names = TEXTS[LANG];

/** Today (UTC): the work's usage is of today, the batch covers this week. */
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * The issue's story in Chromium, against a fresh standalone system with the demo: a creator
 * new to the clearinghouse signs up on the portal, confirms the mail, becomes a right holder,
 * registers a work, opts it out of SNS posts, finds it in the public register, and after the
 * society's batch (run here through the API, as the platform and the society would) reads
 * a statement of the money.
 */
describe("a new creator's story on the portal", () => {
  let browser: Browser;
  let demo: DemoSystem;
  let page: Page;
  const secret = randomBytes(32).toString('hex');
  const email = `creator-${randomBytes(4).toString('hex')}@example.jp`;
  let step = 0;
  /** The screenshot of the step, then the page's serious accessibility problems (none). */
  const shot = async (name: string) => {
    step += 1;
    await saveScreenshot(page, {
      suite: SUITE,
      name: `${String(step).padStart(2, '0')}-${name}`,
      lang: LANG,
      viewport: 'desktop',
    });
    expect(await accessibilityViolations(page)).toEqual([]);
  };
  const origin = () => demo.system.gatewayUrl;
  const heading = (name: RegExp) => page.getByRole('heading', { level: 1, name });

  async function api<T>(token: string, query: string, variables: Record<string, unknown> = {}) {
    const body = await graphqlAt<T>(origin(), query, variables, token);
    expect(body.errors).toBeUndefined();
    return body.data!;
  }

  beforeAll(async () => {
    browser = await launchChromium();
    demo = await startDemoSystem({ AUTH_JWT_SECRET: secret, EVENT_POLL_INTERVAL_MS: '200' });
    page = await (await newReaderContext(browser, 'desktop', LANG)).newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  it('should let a new person sign up from the portal and confirm the mailed link', async () => {
    await page.goto(`${origin()}/`);
    await shot('search');
    await page.goto(`${origin()}/me/right-holder`);
    await shot('sign-in-needed');
    await page.getByRole('button', { name: 'Create an account', exact: true }).click();
    await page.getByLabel(names.email, { exact: true }).waitFor();
    await shot('sign-up');
    // The portal asks for the sign-up page; from a sign-in page it is one link away.
    if (await page.getByRole('link', { name: names.toSignUp, exact: true }).count()) {
      await signUpOnIdentityPages(page, names, { email, password: PASSWORD });
    } else {
      await page.getByLabel(names.email, { exact: true }).fill(email);
      await page.getByLabel(names.password, { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: names.signUpButton, exact: true }).click();
    }
    await page.getByRole('heading', { name: names.checkMailTitle }).waitFor();
    await shot('check-mail');
    const link = await mailedLink(path.join(demo.dataDir, 'mail'), email, VERIFY_PATH);
    await confirmMailedLink(page, names, link);
    await page.getByRole('heading', { name: names.verifiedTitle }).waitFor();
    await shot('confirmed');
  });

  it('should sign the person in and make them a right holder', async () => {
    await page.goto(`${origin()}/me/right-holder`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).first().click();
    await signInOnIdentityPages(page, names, { email, password: PASSWORD });
    await page.waitForURL((url) => url.pathname === '/me/right-holder');
    await heading(/^Become a right holder$/).waitFor();
    await shot('become-right-holder');
    await page.getByLabel(/^Name\b/).fill('Mika Hoshino');
    await page.getByLabel(/^Country\b/).selectOption('JP');
    await page.getByRole('button', { name: 'Register as a right holder' }).click();
    await heading(/^You are now a right holder$/).waitFor();
    await shot('right-holder');
  });

  it('should register a work of theirs', async () => {
    await page.goto(`${origin()}/me/works/new`);
    await heading(/^Register a work$/).waitFor();
    await page.getByLabel(/^Title\b/).fill(TITLE);
    await page.getByLabel(/^Category\b/).selectOption({ label: 'Music' });
    await shot('register-work');
    await page.getByRole('button', { name: 'Register the work' }).click();
    await heading(/^Work registered$/).waitFor();
    await page.getByText(TITLE).first().waitFor();
    await shot('work-registered');
  });

  it('should opt the work out of SNS posts and show it in the public register', async () => {
    await page.goto(`${origin()}/me/opt-outs/new`);
    await heading(/^Opt a work out$/).waitFor();
    await page.getByLabel('One of my works', { exact: true }).check();
    await page.getByLabel(/^Work\b/).selectOption({ label: TITLE });
    await page.getByLabel('Only some uses', { exact: true }).check();
    await page.getByLabel('Posts on social networks', { exact: true }).check();
    await shot('opt-out');
    await page.getByRole('button', { name: 'Register the opt-out' }).click();
    await heading(/^Your opt-out is registered$/).waitFor();
    await shot('opted-out');

    // The register learns of the opt-out from the opt-out service's events.
    await eventually(async () => {
      await page.goto(`${origin()}/opt-out-register`);
      await heading(/^Opt-out register$/).waitFor();
      return page
        .getByText(TITLE)
        .first()
        .waitFor({ timeout: 5_000 })
        .then(
          () => true,
          () => false,
        );
    }, 30_000);
    await shot('opt-out-register');
  });

  it('should show a statement of the money after the batch of the period', async () => {
    const tokens = new Tokens(secret);
    const { parties } = demo;
    const platform = await tokens.issue({ role: Role.PLATFORM, partyId: parties.platformId }, 600);
    const society = await tokens.issue(
      { role: Role.SOCIETY_ADMIN, partyId: parties.societyId },
      600,
    );
    // The demo platform licenses the work for streaming (not opted out) and reports its use.
    const { requestUse } = await api<{
      requestUse: { items: { decision: string; license: { id: string } | null }[] };
    }>(
      platform,
      `mutation ($input: RequestUseInput!) {
        requestUse(input: $input) { items { decision license { id } } }
      }`,
      {
        input: {
          idempotencyKey: randomUUID(),
          items: [
            {
              title: TITLE,
              category: 'MUSIC',
              useType: 'STREAM',
              territory: 'JP',
              from: day(0),
              to: day(7),
              expectedQuantity: 1000,
            },
          ],
        },
      },
    );
    const license = requestUse.items[0]!.license!.id;
    const usage = await fetch(
      `${origin()}/v1/usage-reports?periodStart=${day(0)}&periodEnd=${day(7)}`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${platform}`,
          'content-type': 'text/csv',
          'idempotency-key': randomUUID(),
        },
        body: `licenseId,workId,identifier,title,useType,territory,quantity,usageDate\n${license},,,${TITLE},STREAM,JP,500,${day(0)}\n`,
      },
    );
    expect(usage.status).toBe(201);
    const { createDistributionBatch } = await api<{ createDistributionBatch: { id: string } }>(
      society,
      `mutation ($start: String!, $end: String!) {
        createDistributionBatch(input: { periodStart: $start, periodEnd: $end, category: MUSIC,
          poolAmountMinor: "100000", currency: "JPY", adminFeeBps: 1000 }) { id }
      }`,
      { start: day(0), end: day(7) },
    );
    const batch = createDistributionBatch.id;
    await api(society, 'mutation ($id: ID!) { calculateDistributionBatch(id: $id) { id } }', {
      id: batch,
    });
    await eventually(async () => {
      const { distributionBatch } = await api<{ distributionBatch: { status: string } }>(
        society,
        'query ($id: ID!) { distributionBatch(id: $id) { status } }',
        { id: batch },
      );
      return distributionBatch.status === 'CALCULATED';
    }, 60_000);
    await api(society, 'mutation ($id: ID!) { approveDistributionBatch(id: $id) { status } }', {
      id: batch,
    });

    // The page lists what the API has when it loads: on a busy machine the person reloads.
    const open = page.getByRole('link', { name: /^Open the statement/ }).first();
    await eventually(async () => {
      await page.goto(`${origin()}/me/money`);
      await heading(/^My money$/).waitFor();
      return open.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      );
    }, 60_000);
    await shot('money');
    await open.click();
    await page.waitForURL((url) => url.pathname.startsWith('/me/money/'));
    await page.getByText(TITLE).first().waitFor();
    await shot('statement');
  });
});
