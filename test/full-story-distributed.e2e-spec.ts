import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createTestDatabase, freePort } from '#libs/testing';
import { describeFullStory } from './support/full-story.js';

const SERVICE_PORTS = {
  'rights-registry': 'RIGHTS_REGISTRY_PORT',
  authorization: 'AUTHORIZATION_PORT',
  'opt-out': 'OPT_OUT_PORT',
  'royalty-distribution': 'ROYALTY_DISTRIBUTION_PORT',
} as const;

/**
 * The whole story with `npm run start:distributed`: every service and the gateway a process of
 * its own, talking only through the PostgreSQL event log.
 */
describeFullStory(
  'services as separate processes',
  async (secret) => {
    const database = await createTestDatabase();
    const ports: Record<string, string> = { GATEWAY_PORT: String(await freePort()) };
    for (const variable of Object.values(SERVICE_PORTS)) ports[variable] = String(await freePort());
    const launcher = spawn(process.execPath, ['dist/apps/standalone/src/distributed.js'], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: database.url,
        AUTH_JWT_SECRET: secret,
        LOG_LEVEL: 'warn',
        DB_POOL_SIZE: '3',
        EVENT_POLL_INTERVAL_MS: '200',
        ...ports,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let output = '';
    const stop = async () => {
      if (launcher.exitCode === null && launcher.signalCode === null) {
        const exited = once(launcher, 'exit');
        launcher.kill('SIGTERM');
        await exited;
      }
      await database.drop();
    };
    try {
      const gatewayUrl = await new Promise<string>((resolve, reject) => {
        launcher.stderr.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /GraphQL endpoint: (http:\/\/\S+)\/graphql/.exec(output);
          if (match) resolve(match[1]!);
        });
        launcher.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
      });
      return {
        gatewayUrl,
        services: Object.entries(SERVICE_PORTS).map(([name, variable]) => ({
          name,
          url: `http://127.0.0.1:${ports[variable]}`,
        })),
        stop,
      };
    } catch (error) {
      await stop();
      throw error;
    }
  },
  randomBytes(32).toString('hex'),
);
