import 'reflect-metadata';
import { BaseConfig, ConfigValidationError, loadConfig, StandaloneConfig } from '#libs/config';
import { createLogger, runProcess, StartFailure } from '#libs/runtime';
import { DataDirInUse, lockDataDir } from './data-dir-lock.js';
import { seedDemoAccounts } from './demo/demo-accounts.js';
import { ensureDemo } from './demo/seed-demo.js';
import { startStandalone, type Standalone } from './start-standalone.js';

// Production unless told otherwise (NODE_ENV=development): libraries that read NODE_ENV
// themselves, the service threads and the processes started here all see it.
process.env.NODE_ENV ??= 'production';

/**
 * `npm start`. The terminal shows a few lines for a person: that it starts, then, once all is
 * up, what runs, the demo's accounts and where the logs are, and last the portal's address. The
 * JSON logs go to DATA_DIR/logs/clearinghouse.log (LOG_TO=stdout: to stdout).
 */
await runProcess('clearinghouse', async () => {
  const settings = loadConfig(StandaloneConfig);
  process.stderr.write('Starting the clearinghouse…\n');
  try {
    lockDataDir(settings.DATA_DIR);
  } catch (error) {
    throw error instanceof DataDirInUse ? new StartFailure(error.message) : error;
  }
  const system = await startLogged(settings);
  const lines = [
    '',
    'Clearinghouse is running (standalone).',
    `  GraphQL endpoint: ${system.gatewayUrl}/graphql`,
    `  OpenID issuer:    ${system.identity.issuer}  (identity app: ${system.identity.url})`,
    ...system.services.map(
      ({ name, url }) => `  ${name.padEnd(21)} ${url}/graphql  (health: ${url}/health/ready)`,
    ),
    `  Database: ${system.databaseEmbedded ? 'embedded PostgreSQL' : 'DATABASE_URL'}`,
    `  Logs: ${system.logFile ?? 'stdout'}`,
  ];
  if (process.env.DEMO !== 'false') {
    const config = loadConfig(BaseConfig);
    try {
      lines.push(
        '',
        await ensureDemo(
          system.gatewayUrl,
          new URL(system.identity.issuer),
          config.DATA_DIR,
          () => system.reloadIdentityClients(),
          (parties) => seedDemoAccounts(system.databaseUrl, parties),
        ),
      );
    } catch (error) {
      lines.push('', `The demo could not be seeded: ${String(error)}`);
    }
  }
  lines.push('', `Open the portal: ${system.gatewayUrl}/`, 'Press Ctrl-C to stop.', '');
  process.stderr.write(`${lines.join('\n')}\n`);
  return system;
});

/**
 * Starts the system. Should it fail while logging to a file, the details go to the file and the
 * terminal gets the reason in a sentence with the file's path.
 */
async function startLogged(settings: StandaloneConfig): Promise<Standalone> {
  try {
    return await startStandalone();
  } catch (error) {
    if (!settings.logFile || error instanceof ConfigValidationError) throw error;
    const logger = createLogger('clearinghouse', settings.LOG_LEVEL, settings.logFile);
    logger.fatal({ err: error }, 'the clearinghouse failed to start');
    await new Promise<void>((resolve) => logger.flush(() => resolve()));
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new StartFailure(`failed to start: ${reason} (details in ${settings.logFile})`);
  }
}
