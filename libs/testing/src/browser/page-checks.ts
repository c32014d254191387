import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The WCAG levels axe checks: A and AA of WCAG 2.0 and 2.1. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Where CI collects what the tests leave (git-ignored). */
export const REPORTS_DIR = 'reports';

/**
 * The serious and critical axe violations of the page as it is now, one line each: the rule,
 * the elements (CSS selectors) and the help, so a failed assertion says what to fix. Empty
 * when there is none.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}) at ${violation.nodes
          .map((node) => node.target.join(' '))
          .join(', ')}: ${violation.help} (${violation.helpUrl})`,
    );
}

/**
 * Why the page scrolls sideways (its content wider than the screen), naming the widest
 * elements; undefined when it does not. On a phone, a page must reflow into one column.
 */
export async function sidewaysScroll(page: Page): Promise<string | undefined> {
  const { scrollWidth, width, wider } = await page.evaluate<{
    scrollWidth: number;
    width: number;
    wider: string[];
  }>(`(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const wider = [...document.body.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > width + 1 ||
        element.scrollWidth > element.clientWidth + 1)
      .slice(0, 5)
      .map((element) => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') +
        (element.className && typeof element.className === 'string' ? '.' + element.className.split(' ').join('.') : ''));
    return { scrollWidth: root.scrollWidth, width, wider };
  })()`);
  if (scrollWidth <= width) return undefined;
  return `the page is ${scrollWidth} px wide on a ${width} px screen (wider: ${wider.join(', ') || 'none found'})`;
}

/** The visible links, buttons and fields smaller than `minimum` CSS pixels either way. */
export async function smallTapTargets(page: Page, minimum = 24): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const targets = document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea');
    return [...targets]
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0)
      .filter(({ box }) => box.width < ${minimum} || box.height < ${minimum})
      .map(({ element, box }) => element.tagName.toLowerCase() + ' "' +
        (element.textContent || element.getAttribute('name') || '').trim() + '" ' +
        Math.round(box.width) + '×' + Math.round(box.height));
  })()`);
}

/** What has the keyboard focus: tag, id or name, and text, e.g. `input#email`, `button "Sign in"`. */
export async function focused(page: Page): Promise<string> {
  return page.evaluate<string>(`(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'body';
    const tag = element.tagName.toLowerCase();
    if (element.id) return tag + '#' + element.id;
    return tag + ' "' + (element.textContent || '').trim() + '"';
  })()`);
}

/**
 * The element names the keyboard reaches pressing Tab from the top of the page, in order,
 * `count` presses, each with whether its focus is drawn (an outline or a box shadow).
 */
export async function tabOrder(
  page: Page,
  count: number,
): Promise<{ element: string; focusVisible: boolean }[]> {
  await page.evaluate(
    `(() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); })()`,
  );
  const order: { element: string; focusVisible: boolean }[] = [];
  for (let press = 0; press < count; press += 1) {
    await page.keyboard.press('Tab');
    const focusVisible = await page.evaluate<boolean>(`(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return false;
      const style = getComputedStyle(element);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      return outline || (style.boxShadow !== '' && style.boxShadow !== 'none');
    })()`);
    order.push({ element: await focused(page), focusVisible });
  }
  return order;
}

/** The screenshot's file: reports/screenshots/<suite>/<page>-<lang>-<viewport>.png. */
export function screenshotPath(
  suite: string,
  name: string,
  lang: string,
  viewport: string,
): string {
  return path.join(REPORTS_DIR, 'screenshots', suite, `${name}-${lang}-${viewport}.png`);
}

/** Saves the whole page as a screenshot for CI's artifacts; answers the file's path. */
export async function saveScreenshot(
  page: Page,
  shot: { suite: string; name: string; lang: string; viewport: string },
): Promise<string> {
  const file = screenshotPath(shot.suite, shot.name, shot.lang, shot.viewport);
  await mkdir(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
