import { existsSync, statSync } from 'node:fs';
import { SingleBar, Presets } from 'cli-progress';
import { Role } from '#libs/contracts';
import { loadConfig } from '#libs/config';
import { openDatabaseServer } from '#libs/database';
import { createHttpApp, createLogger } from '#libs/runtime';
import { ImportWorksHandler } from '../../apps/rights-registry/src/works/application/import/import-works.handler.js';
import { csvRows } from '../../apps/rights-registry/src/works/infrastructure/csv-rows.js';
import { subgraphService } from '../../apps/standalone/src/services.js';

/** The registry's "system" party: works imported from files are registered by the operator. */
export const IMPORT_OPERATOR_ID = '00000000-0000-0000-0000-000000000000';

/**
 * `works import <file.csv>`: exit 0 with the count on stdout, or exit 1 with one line per error
 * (`line N, field F: reason`) on stderr and nothing committed.
 */
export async function importWorks(file: string, options: { as?: string }): Promise<number> {
  if (!existsSync(file)) {
    process.stderr.write(`no such file: ${file}\n`);
    return 1;
  }
  const definition = await subgraphService('rights-registry').load();
  const config = loadConfig(definition.configClass, {
    ...process.env,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  const logger = createLogger('works-import', config.LOG_LEVEL);
  const server = await openDatabaseServer(config);
  const app = await createHttpApp(definition.module({ config, databaseUrl: server.url, logger }), {
    config,
    logger,
  });
  const bar = new SingleBar(
    {
      format: '{phase} |{bar}| {percentage}% | {rows} rows',
      stream: process.stderr,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  try {
    await app.init();
    bar.start(statSync(file).size, 0, { phase: 'checking', rows: 0 });
    const result = await app.get(ImportWorksHandler).execute(
      () => csvRows(file),
      { role: Role.OPERATOR, partyId: options.as ?? IMPORT_OPERATOR_ID },
      (progress) => bar.update(progress.bytes, { phase: progress.phase, rows: progress.rows }),
    );
    bar.update(statSync(file).size);
    bar.stop();
    if (result.errors.length) {
      for (const { line, field, reason } of result.errors)
        process.stderr.write(`line ${line}, field ${field}: ${reason}\n`);
      process.stderr.write(`${file}: ${result.errors.length} error(s); nothing was imported\n`);
      return 1;
    }
    process.stdout.write(`imported ${result.imported} works from ${file}\n`);
    return 0;
  } finally {
    bar.stop();
    await app.close();
    await server.stop();
  }
}
