import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeProtectedHeader } from 'jose';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { demoWorks } from '../apps/standalone/src/demo/demo-catalogue.js';
import { startMain } from './support/systems.js';
import { graphqlAt } from './support/graphql.js';

/**
 * `npm start` on a fresh installation (production, no AUTH_JWT_SECRET): the demo is seeded
 * once and its tokens, all of the issuer, printed.
 */
describe('standalone demo', () => {
  let database: TestDatabase;
  let dataDir: string;

  /** `npm start` until it is up, with the demo's printed tokens. */
  const start = async () => {
    const main = await startMain({
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
    });
    const tokenOf = (role: string) => new RegExp(`  ${role}\\s+(\\S+)`).exec(main.output)?.[1];
    return { ...main, gateway: main.gatewayUrl, tokenOf };
  };
  const graphql = (url: string, query: string, token?: string) => graphqlAt(url, query, {}, token);

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
      // Every printed token is an access token of the issuer, none a shared-secret one.
      for (const role of ['OPERATOR', 'SOCIETY_ADMIN', 'RIGHT_HOLDER', 'PLATFORM']) {
        expect(decodeProtectedHeader(first.tokenOf(role)!)).toMatchObject({
          alg: 'ES256',
          typ: 'at+jwt',
        });
      }
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
