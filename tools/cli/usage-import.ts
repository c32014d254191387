import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { UsageIngest } from '../../apps/royalty-distribution/src/usage/application/usage-ingest.js';
import { UsageQueries } from '../../apps/royalty-distribution/src/usage/application/usage.queries.js';
import { DistributionError } from '../../apps/royalty-distribution/src/shared/domain/distribution.errors.js';
import { progressBar, withServiceApp } from './service-app.js';

export interface UsageImportOptions {
  platform: string;
  periodStart: string;
  periodEnd: string;
  key?: string;
}

/**
 * `usage import <file.csv>`: a platform's usage report, streamed. Exit 0 when every line is
 * accepted, 3 when the report is stored with rejected lines (listed on stderr as
 * `line N: reason`), 1 when it is refused whole (nothing stored). The report id and counts go
 * to stdout.
 */
export async function importUsage(file: string, options: UsageImportOptions): Promise<number> {
  if (!existsSync(file)) {
    process.stderr.write(`no such file: ${file}\n`);
    return 1;
  }
  return withServiceApp('royalty-distribution', async (app) => {
    const size = statSync(file).size;
    const bar = progressBar('reading |{bar}| {percentage}% | {value}/{total} bytes');
    bar.start(size, 0);
    try {
      const { reportId, replayed } = await app.get(UsageIngest).ingest(
        {
          platformId: options.platform,
          periodStart: options.periodStart,
          periodEnd: options.periodEnd,
          idempotencyKey: options.key ?? `cli-${randomUUID()}`,
          source: 'csv',
        },
        () => createReadStream(file),
        (bytes) => bar.update(bytes),
      );
      bar.update(size);
      bar.stop();
      const queries = app.get(UsageQueries);
      const report = (await queries.report(reportId))!;
      for (const { line, reason } of await queries.rejections(reportId))
        process.stderr.write(`line ${line}: ${reason}\n`);
      process.stdout.write(
        `report ${reportId}${replayed ? ' (already submitted with this key)' : ''}: ` +
          `${report.linesAccepted} accepted, ${report.linesRejected} rejected, ` +
          `${report.linesUnidentified} not identified yet\n`,
      );
      return report.linesRejected > 0 ? 3 : 0;
    } catch (error) {
      bar.stop();
      if (!(error instanceof DistributionError)) throw error;
      process.stderr.write(`${file}: ${error.message}; nothing was stored\n`);
      return 1;
    }
  });
}
