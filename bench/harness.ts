import { createReadStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  TEST_ADMIN_URL_VARIABLE,
  createTestDatabase,
  startTestPostgres,
  type TestDatabase,
} from '#libs/testing';
import type { ServiceDatabase } from '#libs/database';

/** A benchmark suite: measures, compares with its in-run baseline, returns Markdown. */
export interface BenchmarkSuite {
  name: string;
  description: string;
  run(): Promise<string>;
}

/** A fresh database on a throw-away PostgreSQL (or DATABASE_URL), with these schemas migrated. */
export async function withBenchDatabase<T>(
  services: ServiceDatabase[],
  work: (database: TestDatabase) => Promise<T>,
): Promise<T> {
  const server = await startTestPostgres();
  process.env[TEST_ADMIN_URL_VARIABLE] = server.adminUrl;
  try {
    const database = await createTestDatabase(services);
    try {
      return await work(database);
    } finally {
      await database.drop();
    }
  } finally {
    await server.stop();
  }
}

/** The p-th percentile (0-100) of `values`, nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Peak resident memory of this process while `work` runs (sampled every 50 ms). */
export async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  try {
    const result = await work();
    return { result, peak: Math.max(peak, process.memoryUsage.rss()) };
  } finally {
    clearInterval(timer);
  }
}

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = performance.now();
  const result = await work();
  return { result, seconds: (performance.now() - started) / 1000 };
}

export function round(value: number, digits = 2): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function machine(): string {
  return `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

const RESULTS_FILE = 'docs/BENCHMARKS.md';

/** Replaces (or appends) the section of `suite` in docs/BENCHMARKS.md. */
export async function recordResults(suite: string, markdown: string): Promise<void> {
  const begin = `<!-- bench:${suite}:begin -->`;
  const end = `<!-- bench:${suite}:end -->`;
  const block = `${begin}\n${markdown.trim()}\n${end}`;
  const current = await readFile(RESULTS_FILE, 'utf8');
  const start = current.indexOf(begin);
  const stop = current.indexOf(end);
  const next =
    start >= 0 && stop > start
      ? `${current.slice(0, start)}${block}${current.slice(stop + end.length)}`
      : `${current.trimEnd()}\n\n${block}\n`;
  await writeFile(RESULTS_FILE, next);
}

/**
 * The baseline of the ingest benchmarks: a raw `COPY` of a CSV file (with a header) into a
 * fresh table of its columns, all text, no index. Returns the seconds it took.
 */
export async function copyBaseline(
  client: pg.Client,
  file: string,
  columns: readonly string[],
): Promise<number> {
  await client.query(
    `CREATE TABLE public.copy_baseline (${columns.map((c) => `"${c}" text`).join(', ')})`,
  );
  try {
    const { seconds } = await timed(() =>
      pipeline(
        createReadStream(file),
        client.query(copyFrom('COPY public.copy_baseline FROM STDIN WITH (FORMAT csv, HEADER)')),
      ),
    );
    return seconds;
  } finally {
    await client.query('DROP TABLE public.copy_baseline');
  }
}
