import 'reflect-metadata';
import { BaseConfig, loadConfig } from '#libs/config';
import { runProcess } from '#libs/runtime';
import { seedDemoAccounts } from './demo/demo-accounts.js';
import { ensureDemo } from './demo/seed-demo.js';
import { startStandalone } from './start-standalone.js';

// Production unless told otherwise (NODE_ENV=development): libraries that read NODE_ENV
// themselves, the service threads and the processes started here all see it.
process.env.NODE_ENV ??= 'production';

await runProcess('clearinghouse', async () => {
  const system = await startStandalone();
  const lines = [
    '',
    'Clearinghouse is running (standalone).',
    `  GraphQL endpoint: ${system.gatewayUrl}/graphql`,
    `  OpenID issuer:    ${system.identity.issuer}  (identity app: ${system.identity.url})`,
    ...system.services.map(
      ({ name, url }) => `  ${name.padEnd(21)} ${url}/graphql  (health: ${url}/health/ready)`,
    ),
    `  Database: ${system.databaseEmbedded ? 'embedded PostgreSQL' : 'DATABASE_URL'}`,
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
  lines.push('Press Ctrl-C to stop.', '');
  process.stderr.write(`${lines.join('\n')}\n`);
  return system;
});
