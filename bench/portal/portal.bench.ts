import type { Page } from 'playwright-core';
import { launchChromium, newReaderContext } from '../../libs/testing/src/browser/index.js';
import { startDemoSystem } from '../../test/portal/demo-system.js';
import { SEARCH_PAGE_BUDGET_BYTES, searchPageFiles } from '../../test/portal/size-budget.js';
import {
  machine,
  percentile,
  recordResults,
  round,
  withBenchDatabase,
  type BenchmarkSuite,
} from '../harness.js';

/** Rounds of the searches below (each query once per round, browser and API alike). */
const ROUNDS = Number(process.env.BENCH_PORTAL_ROUNDS ?? 10);

/** Searches a visitor makes over the demo catalogue, one of each kind the matcher knows. */
const QUERIES: { kind: string; query: string }[] = [
  { kind: 'kana (桜の雨)', query: 'さくらのあめ' },
  { kind: 'romaji (夜明けのうた)', query: 'yoake no uta' },
  { kind: 'misspelled (Night Drive)', query: 'nihgt drive' },
  { kind: 'identifier (ISRC)', query: 'JP-D00-26-00002' },
  { kind: 'part of a title (Moonlight Cafe)', query: 'moonlight' },
];

/** The portal's search page's operation, as the page sends it (features/search). */
const SEARCH = `query SearchWorks($query: String!) {
  matchWorks(query: $query, first: 20) { method score work { id title category } }
}`;

interface Transfer {
  url: string;
  type: string;
  encoding: string;
  /** Bytes on the wire, headers included (CDP Network.loadingFinished encodedDataLength). */
  transferred: number;
  /** The body's bytes once decoded. */
  decoded: number;
}

const kb = (bytes: number) => `${round(bytes / 1024, 1)} KB`;

/**
 * The scripts and style sheets a first visit to `/` fetches (an empty cache), as Chromium's
 * network events count them, once the search page shows.
 */
async function firstLoad(page: Page, url: string): Promise<Transfer[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const requests = new Map<string, Transfer>();
  cdp.on('Network.responseReceived', (event) => {
    if (event.type !== 'Script' && event.type !== 'Stylesheet') return;
    const headers = Object.fromEntries(
      Object.entries(event.response.headers).map(([name, value]) => [name.toLowerCase(), value]),
    );
    requests.set(event.requestId, {
      url: new URL(event.response.url).pathname,
      type: event.type === 'Script' ? 'JavaScript' : 'CSS',
      encoding: String(headers['content-encoding'] ?? 'none'),
      transferred: 0,
      decoded: 0,
    });
  });
  cdp.on('Network.dataReceived', (event) => {
    const transfer = requests.get(event.requestId);
    if (transfer) transfer.decoded += event.dataLength;
  });
  cdp.on('Network.loadingFinished', (event) => {
    const transfer = requests.get(event.requestId);
    if (transfer) transfer.transferred = event.encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.getByRole('search').waitFor();
  await cdp.detach();
  return [...requests.values()];
}

/**
 * Milliseconds from pressing Search to the result list showing, measured in the page: the page
 * starts at `/` (no results shown), the query is typed, the button pressed, and the clock stops
 * at the first frame where a list of results is in the main region.
 */
async function searchInPage(page: Page, origin: string, query: string): Promise<number> {
  await page.goto(`${origin}/`);
  const box = page.getByRole('search').getByRole('searchbox');
  await box.fill(query);
  // A string (the project type-checks without the DOM's types), run as is in the page.
  return page.evaluate<number>(`(async () => {
    const listShown = () => document.querySelector('main ul, main ol, main [role="list"]');
    const started = performance.now();
    document.querySelector('form[role="search"]').requestSubmit();
    await new Promise((resolve) => {
      const check = () => (listShown() ? resolve() : requestAnimationFrame(check));
      requestAnimationFrame(check);
    });
    return performance.now() - started;
  })()`);
}

/** Milliseconds for the same search as a plain GraphQL POST from Node, the answer parsed. */
async function searchByApi(origin: string, query: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: SEARCH, variables: { query } }),
  });
  const body = (await response.json()) as {
    data?: { matchWorks: unknown[] };
    errors?: unknown;
  };
  const took = performance.now() - started;
  if (!body.data?.matchWorks.length) {
    throw new Error(`the search "${query}" found nothing in the demo: ${JSON.stringify(body)}`);
  }
  return took;
}

function table(transfers: Transfer[]): string[] {
  const rows = transfers.map(
    (t) => `| ${t.url} | ${t.type} | ${t.encoding} | ${kb(t.transferred)} | ${kb(t.decoded)} |`,
  );
  const sum = (pick: (t: Transfer) => number) => transfers.reduce((s, t) => s + pick(t), 0);
  return [
    '| file | kind | encoding | transferred (headers included) | uncompressed |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    `| **total** | ${transfers.length} files | | **${kb(sum((t) => t.transferred))}** | **${kb(sum((t) => t.decoded))}** |`,
  ];
}

/**
 * The portal seen by a visitor in real Chromium, against a standalone system with the demo:
 * what the first visit to the public search page downloads (JavaScript and CSS, compressed and
 * not), and how long a search takes to show its results compared with the same search sent to
 * the API from Node in the same run.
 */
export const portalBenchmark: BenchmarkSuite = {
  name: 'portal',
  description: "the search page's first-load bytes in Chromium, and time to results vs the API",
  run: () =>
    withBenchDatabase([], async () => {
      const demo = await startDemoSystem({ LOG_LEVEL: 'error', RATE_LIMIT_PER_MINUTE: '0' });
      const browser = await launchChromium();
      try {
        const origin = demo.system.gatewayUrl;
        const context = await newReaderContext(browser, 'desktop', 'en');
        const page = await context.newPage();
        const transfers = await firstLoad(page, `${origin}/`);
        const built = await searchPageFiles();
        const builtBrotli = built.reduce((sum, file) => sum + file.brotli, 0);

        // Warm up both paths (the matcher's caches, the page's chunks), then alternate.
        for (const { query } of QUERIES) {
          await searchByApi(origin, query);
          await searchInPage(page, origin, query);
        }
        const portal: number[] = [];
        const api: number[] = [];
        const perQuery = new Map<string, { portal: number[]; api: number[] }>();
        for (let round = 0; round < ROUNDS; round += 1) {
          for (const { kind, query } of QUERIES) {
            const times = perQuery.get(kind) ?? { portal: [], api: [] };
            const viaApi = await searchByApi(origin, query);
            const viaPortal = await searchInPage(page, origin, query);
            api.push(viaApi);
            portal.push(viaPortal);
            times.api.push(viaApi);
            times.portal.push(viaPortal);
            perQuery.set(kind, times);
          }
        }
        await context.close();

        const ms = (values: number[], p: number) => `${round(percentile(values, p), 1)} ms`;
        const ratio = percentile(portal, 50) / percentile(api, 50);
        const markdown = [
          '## portal',
          '',
          `\`npm run bench -- portal\`, ${new Date().toISOString().slice(0, 10)}, ${machine()}; Debian Chromium (headless, desktop viewport, empty cache) against a standalone system with the demo (${QUERIES.length} queries x ${ROUNDS} rounds).`,
          '',
          '### First visit to the public search page',
          '',
          "JavaScript and CSS as Chromium's network events count them (CDP `Network.loadingFinished` encodedDataLength: body and response headers; `Network.dataReceived`: decoded body).",
          '',
          ...table(transfers),
          '',
          `The size budget (test/portal/size-budget.browser-spec.ts, in \`npm test\`): the same files' Brotli copies in dist/portal total **${kb(builtBrotli)}**, budget ${kb(SEARCH_PAGE_BUDGET_BYTES)} (${built.map((file) => `${file.file} ${kb(file.brotli)}`).join(', ')}).`,
          '',
          '### Time until results show',
          '',
          'Portal: from pressing Search on `/` (query typed) to the first frame with the result list, measured in the page. Baseline: the same operation (`matchWorks`, as the page sends it) as a plain GraphQL POST from Node, answer parsed.',
          '',
          '| search | portal p50 / p95 | API p50 / p95 |',
          '| --- | --- | --- |',
          ...[...perQuery].map(
            ([kind, times]) =>
              `| ${kind} | ${ms(times.portal, 50)} / ${ms(times.portal, 95)} | ${ms(times.api, 50)} / ${ms(times.api, 95)} |`,
          ),
          `| **all** | **${ms(portal, 50)} / ${ms(portal, 95)}** | **${ms(api, 50)} / ${ms(api, 95)}** |`,
          `| ratio portal / API at p50 | **${round(ratio, 2)}** | |`,
        ].join('\n');
        await recordResults('portal', markdown);
        return markdown;
      } finally {
        await browser.close();
        await demo.stop();
      }
    }),
};
