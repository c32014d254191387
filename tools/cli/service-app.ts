import { SingleBar, Presets } from 'cli-progress';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role } from '#libs/contracts';
import { loadConfig } from '#libs/config';
import { openDatabaseServer } from '#libs/database';
import { createHttpApp, createLogger } from '#libs/runtime';
import { subgraphService } from '../../apps/standalone/src/services.js';

/**
 * Runs `work` with one service's application started in this process, on the configured
 * database (DATABASE_URL, or the embedded server in DATA_DIR), then stops it.
 */
export async function withServiceApp<T>(
  name: string,
  work: (app: NestFastifyApplication) => Promise<T>,
): Promise<T> {
  const definition = await subgraphService(name).load();
  const config = loadConfig(definition.configClass, {
    ...process.env,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  const logger = createLogger(`cli-${name}`, config.LOG_LEVEL);
  const server = await openDatabaseServer(config);
  const app = await createHttpApp(definition.module({ config, databaseUrl: server.url, logger }), {
    config,
    logger,
  });
  try {
    await app.init();
    return await work(app);
  } finally {
    await app.close();
    await server.stop();
  }
}

/** The operator as the CLI acts: the registry's "system" party. */
export const CLI_OPERATOR = {
  role: Role.OPERATOR,
  partyId: '00000000-0000-0000-0000-000000000000',
} as const;

/** A progress bar on stderr (stdout stays for results a script reads). */
export function progressBar(format: string): SingleBar {
  return new SingleBar(
    { format, stream: process.stderr, hideCursor: true },
    Presets.shades_classic,
  );
}

/** Runs `work` with a progress bar that is stopped (the cursor shown again) however it ends. */
export async function withProgressBar<T>(
  format: string,
  work: (bar: SingleBar) => Promise<T>,
): Promise<T> {
  const bar = progressBar(format);
  try {
    return await work(bar);
  } finally {
    bar.stop();
  }
}
