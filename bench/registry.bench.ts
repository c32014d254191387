import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { WorkCategory, normalizeTitle } from '#libs/contracts';
import { createDataSource } from '#libs/database';
import { WorkQueries } from '../apps/rights-registry/src/works/application/work.queries.js';
import { rightsRegistryDatabase } from '../apps/rights-registry/src/rights-registry.database.js';
import {
  machine,
  percentile,
  recordResults,
  round,
  timed,
  withBenchDatabase,
  type BenchmarkSuite,
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

/**
 * Registry search over a catalogue of works (half Latin, half Japanese titles): searchWorks'
 * own query code, against primary-key point selects on the same table in the same run.
 */
export const registryBenchmark: BenchmarkSuite = {
  name: 'registry',
  description: 'searchWorks latency over a large catalogue vs point selects',
  run: () =>
    withBenchDatabase([rightsRegistryDatabase], async (database) => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const dataSource = await createDataSource(rightsRegistryDatabase, {
        url: database.url,
        poolSize: 2,
      }).initialize();
      try {
        await client.query('DROP INDEX rights_registry.works_normalized_title_trgm');
        const next = random(42);
        const sampleIds: string[] = [];
        const sampleTitles: string[] = [];
        const load = await timed(async () => {
          const rows = function* () {
            for (let i = 0; i < WORKS; i += 1) {
              const id = randomUUID();
              const title = titleOf(next);
              if (i % Math.max(1, Math.floor(WORKS / QUERIES)) === 0) {
                sampleIds.push(id);
                sampleTitles.push(title);
              }
              const category = CATEGORIES[i % CATEGORIES.length]!;
              yield `${id},${csvCell(title)},${csvCell(normalizeTitle(title))},${category},{},"",00000000-0000-0000-0000-000000000000\n`;
            }
          };
          await pipeline(
            Readable.from(rows()),
            client.query(
              copyFrom(
                `COPY rights_registry.works (id, title, normalized_title, category, creator_names, normalized_creators, registered_by) FROM STDIN WITH (FORMAT csv)`,
              ),
            ),
          );
        });
        const index = await timed(() =>
          client.query(
            'CREATE INDEX works_normalized_title_trgm ON rights_registry.works USING gin (normalized_title public.gin_trgm_ops)',
          ),
        );
        await client.query('ANALYZE rights_registry.works');

        // Queries a person would type: a kana or width variant, or a title with a word missing.
        const queries = sampleTitles.map((title, i) => {
          if (i % 3 === 0)
            return title.replace(/[\u30a1-\u30f6]/g, (c) =>
              String.fromCharCode(c.charCodeAt(0) - 0x60),
            );
          if (i % 3 === 1) return title.split(' ').slice(0, -1).join(' ') || title;
          return title.toUpperCase();
        });
        const queriesAt = new WorkQueries(dataSource);
        const searchTimes: number[] = [];
        let found = 0;
        for (const [i, query] of queries.entries()) {
          const started = performance.now();
          const hits = await queriesAt.search(query, 20);
          searchTimes.push(performance.now() - started);
          if (hits.length > 0 && i < sampleTitles.length) found += 1;
        }
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
          `\`npm run bench -- registry\`, ${new Date().toISOString().slice(0, 10)}, ${machine()}, ${WORKS.toLocaleString('en-US')} works (half Latin, half Japanese titles).`,
          '',
          '| measure | result |',
          '| --- | --- |',
          `| loading the catalogue: COPY with title normalization | ${round(WORKS / load.seconds, 0)} works/s; trigram GIN index built in ${round(index.seconds, 1)} s |`,
          `| baseline: primary-key point select, p50 / p95 | ${round(percentile(pointTimes, 50), 2)} ms / ${round(percentile(pointTimes, 95), 2)} ms |`,
          `| searchWorks (identifier lookup, then ranked trigram similarity of normalized titles), ${queries.length} queries, p50 / p95 (target p95 < 50 ms) | ${round(percentile(searchTimes, 50), 1)} ms / **${round(p95, 1)} ms** ${p95 < 50 ? 'met' : 'NOT met'} |`,
          `| queries with at least one hit | ${found} of ${queries.length} |`,
          '',
          'Queries are variants of catalogue titles: hiragana for katakana, a word left out, upper',
          'case. The bulk-import benchmark (1,000,000 works against raw COPY) is not measured yet.',
        ].join('\n');
        await recordResults('registry', markdown);
        return markdown;
      } finally {
        await dataSource.destroy();
        await client.end();
      }
    }),
};
