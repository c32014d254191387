import { access, rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newReaderContext } from './chromium.js';
import {
  accessibilityViolations,
  saveScreenshot,
  screenshotPath,
  sidewaysScroll,
  smallTapTargets,
  tabOrder,
} from './page-checks.js';

/** A page of the test's own (no server): its markup, in a phone context. */
async function pageOf(browser: Browser, body: string, head = ''): Promise<Page> {
  const context = await newReaderContext(browser, 'phone', 'en');
  const page = await context.newPage();
  await page.setContent(
    `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1" /><title>Checks</title>${head}</head><body><main><h1>Checks</h1>${body}</main></body></html>`,
  );
  return page;
}

describe('the page checks of the browser tests', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await rm(screenshotPath('page-checks', 'sample', 'en', 'phone'), { force: true });
  });

  it('should pass a plain accessible page', async () => {
    const page = await pageOf(browser, '<p>Nothing wrong here.</p>');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await sidewaysScroll(page)).toBeUndefined();
    expect(await smallTapTargets(page)).toEqual([]);
  });

  it('should name the rule, the element and the help of a serious violation', async () => {
    const page = await pageOf(
      browser,
      '<p style="color:#aaa;background:#fff" id="faint">Faint</p><input id="nameless" />',
    );
    const violations = await accessibilityViolations(page);
    expect(violations).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^color-contrast \(serious\) at #faint: .+ \(https:\/\/.+\)$/),
        expect.stringMatching(/^label \(critical\) at #nameless: /),
      ]),
    );
  });

  it('should say how wide a page that scrolls sideways is, and what sticks out', async () => {
    const page = await pageOf(browser, '<div id="wide" style="width:600px">Wide</div>');
    expect(await sidewaysScroll(page)).toMatch(
      /^the page is \d+ px wide on a 390 px screen .*div#wide/,
    );
  });

  it('should list targets too small to tap', async () => {
    const page = await pageOf(browser, '<a href="#x" style="font-size:8px">tiny</a>');
    expect(await smallTapTargets(page)).toEqual([expect.stringMatching(/^a "tiny" \d+×\d+$/)]);
  });

  it('should follow the tab order and tell a drawn focus from an invisible one', async () => {
    const page = await pageOf(
      browser,
      '<label for="a">A</label><input id="a" /><button id="b">Go</button>',
      '<style>#a:focus{outline:3px solid #000}#b:focus{outline:none}</style>',
    );
    expect(await tabOrder(page, 2)).toEqual([
      { element: 'input#a', focusVisible: true },
      { element: 'button#b', focusVisible: false },
    ]);
  });

  it('should write a screenshot where CI collects them', async () => {
    const page = await pageOf(browser, '<p>Shot</p>');
    const file = await saveScreenshot(page, {
      suite: 'page-checks',
      name: 'sample',
      lang: 'en',
      viewport: 'phone',
    });
    expect(file).toBe('reports/screenshots/page-checks/sample-en-phone.png');
    await expect(access(file)).resolves.toBeUndefined();
  });
});
