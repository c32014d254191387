import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { demoWorks } from '../apps/standalone/src/demo/demo-catalogue.js';

/** `npm start` on a fresh installation: the demo is seeded once and its tokens printed. */
describe('standalone demo', () => {
  let database: TestDatabase;
  let dataDir: string;
  const secret = randomBytes(32).toString('hex');

  /** Runs the built standalone entry until it is up; returns its output and a stop function. */
  const start = async () => {
    const child = spawn(process.execPath, ['dist/apps/standalone/src/main.js'], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: database.url,
        DATA_DIR: dataDir,
        AUTH_JWT_SECRET: secret,
        LOG_LEVEL: 'warn',
        DB_POOL_SIZE: '3',
        GATEWAY_PORT: '0',
        RIGHTS_REGISTRY_PORT: '0',
        AUTHORIZATION_PORT: '0',
        OPT_OUT_PORT: '0',
        ROYALTY_DISTRIBUTION_PORT: '0',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Press Ctrl-C to stop.')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
    });
    const gateway = /GraphQL endpoint: (http:\/\/\S+)\/graphql/.exec(output)![1]!;
    const tokenOf = (role: string) => new RegExp(`  ${role}\\s+(\\S+)`).exec(output)?.[1];
    return {
      output,
      gateway,
      tokenOf,
      stop: async () => {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      },
    };
  };
  const graphql = async (url: string, query: string, token?: string) =>
    (await (
      await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query }),
      })
    ).json()) as { data?: Record<string, unknown>; errors?: unknown[] };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'demo-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await database?.drop();
  });

  it('should seed the demo on the first run, print working tokens, and keep it on the next', async () => {
    const first = await start();
    try {
      expect(first.output).toContain('Demo data is loaded');
      const found = await graphql(
        first.gateway,
        '{ searchWorks(query: "夜明けのうた") { title } }',
      );
      expect(found.data!.searchWorks).toContainEqual({ title: '夜明けのうた' });
      const platform = first.tokenOf('PLATFORM')!;
      const decided = await graphql(
        first.gateway,
        `
          mutation {
            requestUse(
              input: {
                idempotencyKey: "demo-test"
                items: [
                  {
                    title: "Night Drive"
                    category: MUSIC
                    useType: STREAM
                    territory: "JP"
                    from: "2026-12-01"
                    to: "2027-01-01"
                    expectedQuantity: 10
                  }
                ]
              }
            ) {
              items {
                decision
              }
            }
          }
        `,
        platform,
      );
      expect(decided.data!.requestUse).toEqual({ items: [{ decision: 'GRANTED_ECL' }] });
    } finally {
      await first.stop();
    }
    const second = await start();
    try {
      const operator = second.tokenOf('OPERATOR')!;
      const works = await graphql(
        second.gateway,
        '{ works(first: 100) { edges { cursor } } }',
        operator,
      );
      expect((works.data!.works as { edges: unknown[] }).edges).toHaveLength(demoWorks().length);
    } finally {
      await second.stop();
    }
  });
});
