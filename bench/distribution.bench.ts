import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { startTestService } from '#libs/testing';
import { BatchCalculator } from '../apps/royalty-distribution/src/batches/application/batch-calculator.js';
import { royaltyDistributionApp } from '../apps/royalty-distribution/src/royalty-distribution.app.js';
import { UsageIngest } from '../apps/royalty-distribution/src/usage/application/usage-ingest.js';
import { USAGE_CSV_COLUMNS } from '../apps/royalty-distribution/src/usage/domain/usage-csv.js';
import { seedDistributionCatalogue, seedUsageLines } from '../test/support/distribution-seed.js';
import {
  copyBaseline,
  machine,
  recordResults,
  round,
  timed,
  withBenchDatabase,
  type BenchmarkSuite,
  withPeakRss,
} from './harness.js';

const INGEST_LINES = Number(process.env.BENCH_INGEST_LINES ?? 1_000_000);
const CALCULATION_LINES = Number(process.env.BENCH_CALCULATION_LINES ?? 10_000_000);
const WORKS = 20_000;
const LICENSES = 2_000;
const S = 'royalty_distribution';

/**
 * Royalty distribution at scale. Ingest: `UsageIngest` (the code behind POST /v1/usage-reports)
 * on a CSV file, against a raw `COPY` of the same file into a table of its columns, same run.
 * Calculation: a batch over many usage lines (`BatchCalculator`, all steps and the checksum),
 * against a plain `INSERT ... SELECT ... GROUP BY` over the same rows, same run.
 */
export const distributionBenchmark: BenchmarkSuite = {
  name: 'distribution',
  description: 'usage ingest vs COPY; batch calculation vs INSERT ... SELECT ... GROUP BY',
  run: () =>
    withBenchDatabase([], async () => {
      const sut = await startTestService(royaltyDistributionApp, {
        DB_POOL_SIZE: '4',
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
      });
      const client = new pg.Client({ connectionString: sut.database.url });
      await client.connect();
      const folder = await mkdtemp(path.join(tmpdir(), 'distribution-bench-'));
      try {
        const society = randomUUID();
        const platform = randomUUID();
        const scheme = randomUUID();
        await seedCatalogue(client, society, scheme, platform);

        // Ingest.
        const licenses = (
          await client.query<{ id: string; use_type: string }>(
            `SELECT id, use_type FROM ${S}.licenses ORDER BY id`,
          )
        ).rows;
        const file = path.join(folder, 'usage.csv');
        await pipeline(Readable.from(usageCsv(licenses, INGEST_LINES)), createWriteStream(file));
        const megabytes = (await stat(file)).size / 2 ** 20;
        const copy = { seconds: await copyBaseline(client, file, USAGE_CSV_COLUMNS) };
        const ingest = sut.app.get(UsageIngest);
        const ingested = await withPeakRss(() =>
          timed(() =>
            ingest.ingest(
              {
                platformId: platform,
                periodStart: '2026-11-01',
                periodEnd: '2026-12-01',
                idempotencyKey: randomUUID(),
                source: 'csv',
              },
              () => createReadStream(file),
            ),
          ),
        );
        const [counts] = (
          await client.query<{ accepted: string; rejected: string }>(
            `SELECT lines_accepted::text AS accepted, lines_rejected::text AS rejected
             FROM ${S}.usage_reports WHERE id = $1`,
            [ingested.result.result.reportId],
          )
        ).rows;
        const ingestRatio = copy.seconds / ingested.result.seconds;

        // Calculation over many more lines, generated in the database.
        await client.query(`DELETE FROM ${S}.usage_lines`);
        const seeded = await timed(() =>
          seedUsageLines(client, { society, scheme, lines: CALCULATION_LINES }),
        );
        const baseline = await timed(async () => {
          await client.query(
            `CREATE TABLE public.group_baseline AS
             SELECT work_id, unidentified_reference, use_type, sum(quantity) AS quantity
             FROM ${S}.usage_lines GROUP BY work_id, unidentified_reference, use_type`,
          );
        });
        await client.query('DROP TABLE public.group_baseline');
        const batchId = randomUUID();
        await client.query(
          `INSERT INTO ${S}.distribution_batches (id, society_id, category, period_start, period_end,
             currency, admin_fee_bps, pool_given_minor, status, calculation_state, created_by)
           VALUES ($1, $2, 'MUSIC', '2026-11-01', '2026-12-01', 'JPY', 1000, 1000000000000,
                   'DRAFT', 'RUNNING', $2)`,
          [batchId, society],
        );
        const calculator = sut.app.get(BatchCalculator);
        // The service's own polling loop would pick the RUNNING batch up too: it is stopped, so
        // the timed call is the only calculation of the batch.
        await calculator.onApplicationShutdown();
        const calculation = await withPeakRss(() => timed(() => calculator.calculate(batchId)));
        const [batch] = (
          await client.query<{
            status: string;
            calculation_state: string;
            calculation_error: string | null;
            cells: string;
            reconciles: boolean;
          }>(
            `SELECT b.status, b.calculation_state, b.calculation_error,
                    (SELECT count(*) FROM ${S}.batch_cells c WHERE c.batch_id = b.id)::text AS cells,
                    b.payable_minor + b.held_minor + b.reserved_minor + b.admin_fee_minor = b.pool_minor AS reconciles
             FROM ${S}.distribution_batches b WHERE b.id = $1`,
            [batchId],
          )
        ).rows;
        if (batch?.status !== 'CALCULATED' || !batch.reconciles)
          throw new Error(`calculation failed: ${JSON.stringify(batch)}`);
        const calcRatio = calculation.result.seconds / baseline.seconds;
        const mib = (bytes: number) => round(bytes / 2 ** 20, 0);
        const markdown = [
          '## distribution',
          '',
          `\`npm run bench -- distribution\`, ${new Date().toISOString().slice(0, 10)}, ${machine()}; ${WORKS.toLocaleString('en-US')} works, ${LICENSES.toLocaleString('en-US')} licenses.`,
          '',
          '| measure | result |',
          '| --- | --- |',
          `| baseline: raw \`COPY\` of a ${INGEST_LINES.toLocaleString('en-US')}-line usage CSV (${round(megabytes, 0)} MiB) into a table of its columns | ${round(copy.seconds, 1)} s (${round(INGEST_LINES / copy.seconds, 0)} lines/s) |`,
          `| usage ingest of the same file (COPY into staging, set-based checks, matching, opt-outs, accepted and rejected lines stored) | ${round(ingested.result.seconds, 1)} s (${round(INGEST_LINES / ingested.result.seconds, 0)} lines/s), ${counts!.accepted} accepted, ${counts!.rejected} rejected; peak RSS ${mib(ingested.peak)} MiB |`,
          `| ingest / COPY (target >= 0.5) | **${round(ingestRatio, 2)}** ${ingestRatio >= 0.5 ? 'met' : 'NOT met'} |`,
          `| usage lines generated for the calculation | ${CALCULATION_LINES.toLocaleString('en-US')} (${round(seeded.seconds, 0)} s) |`,
          `| baseline: \`CREATE TABLE ... AS SELECT ... GROUP BY\` over them | ${round(baseline.seconds, 1)} s |`,
          `| batch calculation (exceptions, cells per use type, largest remainder, classification, checksum), ${batch.cells} cells | ${round(calculation.result.seconds, 1)} s; peak RSS ${mib(calculation.peak)} MiB (target < 1 GiB) |`,
          `| calculation / GROUP BY (target <= 3) | **${round(calcRatio, 2)}** ${calcRatio <= 3 ? 'met' : 'NOT met'} |`,
          '',
          'Both run in-process through the service’s own classes (no HTTP); RSS is the Node',
          'process’s (the work happens in PostgreSQL, whose memory is bounded by its settings).',
        ].join('\n');
        await recordResults('distribution', markdown);
        return markdown;
      } finally {
        await rm(folder, { recursive: true, force: true });
        await client.end();
        await sut.close();
      }
    }),
};

async function seedCatalogue(client: pg.Client, society: string, scheme: string, platform: string) {
  await seedDistributionCatalogue(client, { society, scheme, works: WORKS, holders: 10_000 });
  await client.query(
    `INSERT INTO ${S}.licenses (id, platform_id, work_id, unidentified_reference, decision, scheme_id,
       society_id, category, use_type, territory, valid_from, valid_to, fee_minor, currency)
     SELECT gen_random_uuid(), $1, w.id, NULL, 'GRANTED_ECL', $2, $3, 'MUSIC',
            CASE WHEN w.n % 3 = 0 THEN 'SNS_POST' ELSE 'STREAM' END, 'JP', '2026-01-01', '2027-01-01', 1000, 'JPY'
     FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM ${S}.rv_works LIMIT $4) w`,
    [platform, scheme, society, LICENSES],
  );
  await client.query('ANALYZE');
}

/** A usage CSV over the licenses: one line in a thousand is bad (a date outside the period). */
function* usageCsv(licenses: { id: string; use_type: string }[], lines: number): Generator<string> {
  yield `${USAGE_CSV_COLUMNS.join(',')}\n`;
  for (let n = 0; n < lines; n += 1) {
    const license = licenses[(n * 7919) % licenses.length]!;
    const day =
      n % 1000 === 999 ? '2026-12-15' : `2026-11-${String(1 + (n % 30)).padStart(2, '0')}`;
    yield `${license.id},,,,${license.use_type},JP,${1 + ((n * 31) % 97)},${day}\n`;
  }
}
