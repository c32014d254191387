import { randomBytes } from 'node:crypto';
import { createTestDatabase } from '#libs/testing';
import { startStandalone } from '../apps/standalone/src/start-standalone.js';
import { describeFullStory } from './support/full-story.js';

/** The whole story in standalone mode: one process, each service in a worker thread. */
describeFullStory(
  'standalone',
  async (secret) => {
    const database = await createTestDatabase();
    const sut = await startStandalone({
      AUTH_JWT_SECRET: secret,
      DATABASE_URL: database.url,
      GATEWAY_PORT: '0',
      RIGHTS_REGISTRY_PORT: '0',
      AUTHORIZATION_PORT: '0',
      OPT_OUT_PORT: '0',
      ROYALTY_DISTRIBUTION_PORT: '0',
      LOG_LEVEL: 'warn',
      DB_POOL_SIZE: '3',
      EVENT_POLL_INTERVAL_MS: '200',
    }).catch(async (error: unknown) => {
      await database.drop();
      throw error;
    });
    return {
      gatewayUrl: sut.gatewayUrl,
      services: sut.services,
      async stop() {
        await sut.stop();
        await database.drop();
      },
    };
  },
  randomBytes(32).toString('hex'),
);
