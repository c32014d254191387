import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { startMain, type MainProcess } from './support/systems.js';

/** `npm start` with no NODE_ENV: production behaviour, at the gateway and in each subgraph. */
describe('npm start defaults', () => {
  let database: TestDatabase;
  let dataDir: string;
  let main: MainProcess;
  let registry: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'production-'));
    main = await startMain({
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
      DEMO: 'false',
    });
    registry = /^ +rights-registry +(http:\/\/\S+)\/graphql/m.exec(main.output)![1]!;
  });

  afterAll(async () => {
    await main?.stop();
    await rm(dataDir, { recursive: true, force: true });
    await database?.drop();
  });

  const post = async (url: string, query: string) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return { response, text: await response.text() };
  };

  it('should refuse introspection and give no suggestions, at the gateway and in a subgraph', async () => {
    for (const url of [main.gatewayUrl, registry]) {
      const introspection = await post(url, '{ __schema { queryType { name } } }');
      expect(introspection.text).toMatch(/introspection is not allowed/);
      const typo = await post(url, '{ searchWork(query: "x") { id } }');
      expect(typo.text).toMatch(/Cannot query field/);
      expect(typo.text).not.toMatch(/Did you mean/);
    }
  });

  it('should answer errors without stack traces or paths of the installation', async () => {
    for (const url of [main.gatewayUrl, registry]) {
      const refused = await post(url, '{ rightsRegistryInfo { name } }');
      expect(refused.text).toMatch(/UNAUTHENTICATED/);
      expect(refused.text).not.toMatch(/stacktrace|\/dist\/|node_modules/);
    }
  });

  it('should answer a browser at /graphql with a page of its own, and security headers', async () => {
    const page = await fetch(`${main.gatewayUrl}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('This is the GraphQL endpoint of the clearinghouse');
    // Nothing from elsewhere: the page works without a network.
    expect(html).not.toMatch(/https?:\/\/|<script|<link/i);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
  });
});
