import { existsSync, statSync } from 'node:fs';
import { ImportWorksHandler } from '../../apps/rights-registry/src/works/application/import/import-works.handler.js';
import { csvRows } from '../../apps/rights-registry/src/works/infrastructure/csv-rows.js';
import { CLI_OPERATOR, withProgressBar, withServiceApp } from './service-app.js';

/**
 * `works import <file.csv>`: exit 0 with the count on stdout, or exit 1 with one line per error
 * (`line N, field F: reason`) on stderr and nothing committed.
 */
export async function importWorks(
  file: string,
  options: { as?: string; confirmDuplicates?: boolean },
): Promise<number> {
  if (!existsSync(file)) {
    process.stderr.write(`no such file: ${file}\n`);
    return 1;
  }
  return withServiceApp('rights-registry', async (app) => {
    const result = await withProgressBar(
      '{phase} |{bar}| {percentage}% | {rows} rows',
      async (bar) => {
        bar.start(statSync(file).size, 0, { phase: 'checking', rows: 0 });
        const imported = await app.get(ImportWorksHandler).execute(
          () => csvRows(file),
          { ...CLI_OPERATOR, partyId: options.as ?? CLI_OPERATOR.partyId },
          (progress) => bar.update(progress.bytes, { phase: progress.phase, rows: progress.rows }),
          { confirmDuplicates: options.confirmDuplicates },
        );
        bar.update(statSync(file).size);
        return imported;
      },
    );
    if (result.errors.length) {
      for (const { line, field, reason } of result.errors)
        process.stderr.write(`line ${line}, field ${field}: ${reason}\n`);
      process.stderr.write(`${file}: ${result.errors.length} error(s); nothing was imported\n`);
      return 1;
    }
    process.stdout.write(`imported ${result.imported} works from ${file}\n`);
    return 0;
  });
}
