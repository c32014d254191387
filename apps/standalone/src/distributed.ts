import 'reflect-metadata';
import { runProcess } from '#libs/runtime';
import { startDistributed } from './start-distributed.js';

// Production unless told otherwise (NODE_ENV=development): libraries that read NODE_ENV
// themselves, the service threads and the processes started here all see it.
process.env.NODE_ENV ??= 'production';

await runProcess('clearinghouse', async () => {
  const system = await startDistributed();
  const lines = [
    '',
    'Clearinghouse is running (distributed: one process per service).',
    `  GraphQL endpoint: ${system.gatewayUrl}/graphql`,
    `  OpenID issuer:    ${system.identity.issuer}  (identity app: ${system.identity.url})`,
    ...system.services.map(({ name, url }) => `  ${name.padEnd(21)} ${url}/graphql`),
    'Press Ctrl-C to stop.',
    '',
  ];
  process.stderr.write(`${lines.join('\n')}\n`);
  return system;
});
