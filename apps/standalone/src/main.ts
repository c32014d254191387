import 'reflect-metadata';
import { runProcess } from '#libs/runtime';
import { startStandalone } from './start-standalone.js';

await runProcess('clearinghouse', async () => {
  const system = await startStandalone();
  const lines = [
    '',
    'Clearinghouse is running (standalone).',
    `  GraphQL endpoint: ${system.gatewayUrl}/graphql`,
    ...system.services.map(
      ({ name, url }) => `  ${name.padEnd(21)} ${url}/graphql  (health: ${url}/health/ready)`,
    ),
    `  Database: ${system.databaseEmbedded ? 'embedded PostgreSQL' : 'DATABASE_URL'}`,
    'Press Ctrl-C to stop.',
    '',
  ];
  process.stderr.write(`${lines.join('\n')}\n`);
  return system;
});
