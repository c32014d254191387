import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { freePort } from '#libs/testing';
import { startMain, type MainProcess } from './support/systems.js';
import { graphqlAt } from './support/graphql.js';

/**
 * `npm start` twice on one machine, as a user runs independent instances: each its own
 * DATA_DIR with its own embedded PostgreSQL and ports, one with the demo and one empty; Ctrl-C
 * stops each, its database included.
 */
describe('independent instances side by side', () => {
  const folders: string[] = [];
  const running: MainProcess[] = [];

  const instance = async (env: Record<string, string>) => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'instance-'));
    folders.push(dataDir);
    const main = await startMain({
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      ...env,
    });
    running.push(main);
    return { ...main, dataDir };
  };
  const works = async (gatewayUrl: string) =>
    (
      await graphqlAt<{ searchWorks: unknown[] }>(
        gatewayUrl,
        '{ searchWorks(query: "Night Drive") { title } }',
      )
    ).data!.searchWorks;

  afterAll(async () => {
    await Promise.all(running.map((main) => main.stop('SIGKILL')));
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  it('should keep each instance to its own data, and stop each cleanly on Ctrl-C', async () => {
    const [demo, empty] = await Promise.all([instance({}), instance({ DEMO: 'false' })]);
    expect(demo.output).toContain('Demo data is loaded');
    expect(empty.output).not.toContain('Demo data');
    expect(demo.gatewayUrl).not.toBe(empty.gatewayUrl);
    expect(await works(demo.gatewayUrl)).toContainEqual({ title: 'Night Drive' });
    expect(await works(empty.gatewayUrl)).toEqual([]);

    for (const main of [demo, empty]) {
      expect(await main.stop('SIGINT')).toBe(0);
      // The embedded server was stopped too: no postmaster left on the cluster.
      expect(existsSync(path.join(main.dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    }
  });
});
