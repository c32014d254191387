import { access, constants } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Where Debian puts Chromium (`apt-get install chromium`); CHROMIUM_PATH names another. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags for a headless Chromium in a container on a closed network: no sandbox (CI runs as
 * root), no GPU, and none of the background traffic (updates, sync, QUIC) the network refuses.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The screens the pages are checked on. */
export const VIEWPORTS = {
  /** A phone held upright (an iPhone 14's CSS size), touch, a dense screen. */
  phone: {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  },
  desktop: {
    viewport: { width: 1280, height: 800 },
    isMobile: false,
    hasTouch: false,
    deviceScaleFactor: 1,
  },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/** The readers' locales: the browser's language (Accept-Language, navigator.language). */
export const LOCALES = { ja: 'ja-JP', en: 'en-US' } as const;
export type LocaleLanguage = keyof typeof LOCALES;

/** The path of the Chromium to drive: CHROMIUM_PATH, else Debian's. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

/**
 * Debian's Chromium, headless, with the flags above. Playwright's own browser download does
 * not run here, so a missing Chromium stops the suite with how to install it (never a skip).
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  try {
    await access(executablePath, constants.X_OK);
  } catch {
    throw new Error(
      `The browser tests need Chromium at ${executablePath}, and there is none: install it with ` +
        '`apt-get install -y chromium fonts-noto-cjk` (Debian, as root), or set CHROMIUM_PATH ' +
        'to a Chromium or Chrome executable.',
    );
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

/** A fresh context (its own cookies) for a reader of `language` on `viewport`. */
export function newReaderContext(
  browser: Browser,
  viewport: ViewportName,
  language: LocaleLanguage,
): Promise<BrowserContext> {
  return browser.newContext({
    ...VIEWPORTS[viewport],
    locale: LOCALES[language],
    timezoneId: 'Asia/Tokyo',
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
}
