import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { Role, WorkCategory } from '#libs/contracts';
import { createDataSource } from '#libs/database';
import { Outbox } from '#libs/messaging';
import { ImportWorksHandler } from '../apps/rights-registry/src/works/application/import/import-works.handler.js';
import { WORK_CSV_COLUMNS } from '../apps/rights-registry/src/works/application/import/work-csv.js';
import { csvRows } from '../apps/rights-registry/src/works/infrastructure/csv-rows.js';
import { WorkMatchKeys } from '../apps/rights-registry/src/works/infrastructure/work-match-keys.js';
import { WorkQueries } from '../apps/rights-registry/src/works/application/work.queries.js';
import { SearchWorksHandler } from '../apps/rights-registry/src/works/application/search-works.handler.js';
import { rightsRegistryDatabase } from '../apps/rights-registry/src/rights-registry.database.js';
import {
  copyBaseline,
  machine,
  percentile,
  recordResults,
  round,
  timed,
  withBenchDatabase,
  type BenchmarkSuite,
  withPeakRss,
} from './harness.js';

const WORKS = Number(process.env.BENCH_WORKS ?? 1_000_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);

const LATIN = `moon river night dance blue sky summer love heart song dream light shadow fire rain
  star city road home ocean wind garden silver golden secret story world journey memory winter
  spring autumn morning evening crystal thunder angel forest mountain island paradise midnight
  sunset horizon echo whisper voyage legend empire kingdom galaxy planet hunter warrior princess
  dragon tiger phoenix wolf raven rose lily cherry blossom velvet neon electric cosmic digital
  broken hidden lost wild silent eternal final first last little lonely happy crazy sweet bitter`
  .split(/\s+/)
  .filter(Boolean);
const JAPANESE = `夜 月 星 空 海 風 花 桜 雪 雨 夢 恋 心 光 影 炎 森 山 川 街 道 歌 声 刃 鬼 龍 虎
  さくら ひかり ほし そら うみ かぜ ゆめ こころ はな あめ ゆき よる つき まち みち うた こえ
  トトロ ドラゴン ボール ヒーロー アカデミア ナルト ワンピース スピリット ソード アート
  物語 伝説 冒険 旅 約束 奇跡 未来 記憶 季節 銀河 宇宙 王国 戦士 少女 少年 魔法 学園 青春`
  .split(/\s+/)
  .filter(Boolean);
const CATEGORIES = Object.values(WorkCategory);

/** Deterministic pseudo-random numbers, so every run searches the same catalogue. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function titleOf(next: () => number): string {
  const japanese = next() < 0.5;
  const words = japanese ? JAPANESE : LATIN;
  const count = 2 + Math.floor(next() * 3);
  const picked = Array.from({ length: count }, () => words[Math.floor(next() * words.length)]!);
  return japanese
    ? picked.join(next() < 0.5 ? '' : 'の')
    : picked.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
}

function csvCell(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

const HOLDERS = 1000;

/** A valid ISRC for the n-th work: JP, a registrant code, a year and a designation number. */
function isrcOf(n: number): string {
  return `JP-B${String(Math.floor(n / 100_000) % 100).padStart(2, '0')}-26-${String(n % 100_000).padStart(5, '0')}`;
}

/**
 * Writes a works CSV of `count` rows (every column of the format in use: creators, alternative
 * titles, an ISRC or a proprietary id, shares of registered holders). Returns sample titles.
 */
async function writeCatalogue(file: string, count: number, holders: string[]): Promise<string[]> {
  const next = random(42);
  const samples: string[] = [];
  const every = Math.max(1, Math.floor(count / QUERIES));
  const rows = function* () {
    yield `${WORK_CSV_COLUMNS.join(',')}\n`;
    for (let i = 0; i < count; i += 1) {
      const title = titleOf(next);
      if (i % every === 0) samples.push(title);
      const category = CATEGORIES[i % CATEGORIES.length]!;
      const holder = holders[i % holders.length]!;
      const music = category === WorkCategory.MUSIC;
      yield (
        [
          csvCell(title),
          category,
          csvCell(`Creator ${i % 5000}`),
          i % 4 === 0 ? csvCell(titleOf(next)) : '',
          '',
          music ? isrcOf(i) : '',
          '',
          '',
          music ? '' : `BENCH:${i}`,
          `${holder}:PERFORMANCE:5000|${holder}:MAKING_AVAILABLE:10000`,
        ].join(',') + '\n'
      );
    }
  };
  await pipeline(Readable.from(rows()), createWriteStream(file));
  return samples;
}

/**
 * The registry at scale. Bulk import: `ImportWorksHandler` (the code behind `works import`) on a
 * works CSV, against a raw `COPY` of the same file into a table of its columns, in the same
 * run. Search: searchWorks' own query code over the imported catalogue (half Latin, half
 * Japanese titles), against primary-key point selects on the same table.
 */
export const registryBenchmark: BenchmarkSuite = {
  name: 'registry',
  description: 'bulk import vs COPY; searchWorks latency over a large catalogue vs point selects',
  run: () =>
    withBenchDatabase([rightsRegistryDatabase], async (database) => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const dataSource = await createDataSource(rightsRegistryDatabase, {
        url: database.url,
        poolSize: 2,
      }).initialize();
      const folder = await mkdtemp(path.join(tmpdir(), 'registry-bench-'));
      try {
        const holders = Array.from({ length: HOLDERS }, () => randomUUID());
        await client.query(
          `INSERT INTO rights_registry.parties (id, kind, name)
           SELECT id, 'RIGHT_HOLDER', 'Holder ' || n FROM unnest($1::uuid[]) WITH ORDINALITY AS h(id, n)`,
          [holders],
        );
        const file = path.join(folder, 'works.csv');
        const sampleTitles = await writeCatalogue(file, WORKS, holders);
        const megabytes = (await stat(file)).size / 2 ** 20;

        const copy = { seconds: await copyBaseline(client, file, WORK_CSV_COLUMNS) };

        const handler = new ImportWorksHandler(
          dataSource,
          new Outbox(rightsRegistryDatabase.service, rightsRegistryDatabase.schema),
          new WorkMatchKeys(dataSource),
        );
        const started = performance.now();
        let staged = started;
        const { result: imported, peak: peakRss } = await withPeakRss(() =>
          timed(() =>
            handler.execute(
              () => csvRows(file),
              { role: Role.OPERATOR, partyId: randomUUID() },
              (progress) => {
                if (progress.phase === 'registering') staged = performance.now();
              },
            ),
          ),
        );
        const stagingSeconds = (staged - started) / 1000;
        if (imported.result.imported !== WORKS) {
          throw new Error(`import failed: ${JSON.stringify(imported.result.errors.slice(0, 5))}`);
        }
        const importRatio = copy.seconds / imported.seconds;
        await client.query('VACUUM ANALYZE rights_registry.works');
        await client.query('VACUUM ANALYZE rights_registry.work_titles');

        // Queries a person would type: a kana or width variant, or a title with a word missing.
        const queries = sampleTitles.map((title, i) => {
          if (i % 3 === 0)
            return title.replace(/[\u30a1-\u30f6]/g, (c) =>
              String.fromCharCode(c.charCodeAt(0) - 0x60),
            );
          if (i % 3 === 1) return title.split(' ').slice(0, -1).join(' ') || title;
          return title.toUpperCase();
        });
        const search = new SearchWorksHandler(
          new WorkQueries(dataSource),
          new WorkMatchKeys(dataSource),
        );
        const searchTimes: number[] = [];
        let found = 0;
        for (const query of queries) {
          const started = performance.now();
          const hits = await search.execute(query, 20);
          searchTimes.push(performance.now() - started);
          if (hits.length > 0) found += 1;
        }
        const sampleIds = (
          await client.query<{ id: string }>(
            'SELECT id FROM rights_registry.works TABLESAMPLE SYSTEM (1) LIMIT $1',
            [QUERIES],
          )
        ).rows.map((row) => row.id);
        const pointTimes: number[] = [];
        for (const id of sampleIds) {
          const started = performance.now();
          await dataSource.query(
            'SELECT id, title, category FROM rights_registry.works WHERE id = $1',
            [id],
          );
          pointTimes.push(performance.now() - started);
        }
        const p95 = percentile(searchTimes, 95);
        const markdown = [
          '## registry',
          '',
          `\`npm run bench -- registry\`, ${new Date().toISOString().slice(0, 10)}, ${machine()}, ${WORKS.toLocaleString('en-US')} works (half Latin, half Japanese titles), CSV of ${round(megabytes, 0)} MiB.`,
          '',
          '| measure | result |',
          '| --- | --- |',
          `| baseline: raw \`COPY\` of the CSV into a table of its columns | ${round(WORKS / copy.seconds, 0)} rows/s (${round(copy.seconds, 1)} s) |`,
          `| bulk import (\`works import\`: checks, staging, set-based checks, registry tables, trigram index, outbox events) | ${round(WORKS / imported.seconds, 0)} works/s (${round(imported.seconds, 1)} s); peak RSS ${round(peakRss / 2 ** 20, 0)} MiB |`,
          `| of which: reading, checking and staging rows (csv-parse, identifiers, normalization, COPY into staging) / set-based checks, registry tables and outbox | ${round(stagingSeconds, 1)} s / ${round(imported.seconds - stagingSeconds, 1)} s |`,
          `| bulk import / COPY (target >= 0.3) | **${round(importRatio, 3)}** ${importRatio >= 0.3 ? 'met' : 'NOT met'} |`,
          `| baseline: primary-key point select, p50 / p95 | ${round(percentile(pointTimes, 50), 2)} ms / ${round(percentile(pointTimes, 95), 2)} ms |`,
          `| searchWorks (identifier lookup, then the title matcher over the registry's match keys), ${queries.length} queries, p50 / p95 (target p95 < 50 ms) | ${round(percentile(searchTimes, 50), 1)} ms / **${round(p95, 1)} ms** ${p95 < 50 ? 'met' : 'NOT met'} |`,
          `| queries with at least one hit | ${found} of ${queries.length} |`,
          '',
          'Search queries are variants of catalogue titles: hiragana for katakana, a word left out,',
          'upper case.',
        ].join('\n');
        await recordResults('registry', markdown);
        return markdown;
      } finally {
        await rm(folder, { recursive: true, force: true });
        await dataSource.destroy();
        await client.end();
      }
    }),
};
