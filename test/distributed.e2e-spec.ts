import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Tokens } from '#libs/auth';
import { Role } from '#libs/contracts';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { launchDistributed, type LaunchedSystem } from './support/systems.js';
import { graphqlAt } from './support/graphql.js';

/** `npm run start:distributed`: every service and the gateway as processes of their own. */
describe('distributed start', () => {
  let database: TestDatabase;
  let system: LaunchedSystem;
  let dataDir: string;
  const secret = randomBytes(32).toString('hex');

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'distributed-'));
    system = await launchDistributed(database.url, { AUTH_JWT_SECRET: secret, DATA_DIR: dataDir });
  });

  afterAll(async () => {
    await system?.stop();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should serve the composed API from separate processes, take the demo, and stop cleanly', async () => {
    const token = await new Tokens(secret).issue(
      { role: Role.OPERATOR, partyId: randomUUID() },
      600,
    );
    const info = await graphqlAt(
      system.gatewayUrl,
      '{ rightsRegistryInfo { name } authorizationInfo { name } optOutInfo { name } royaltyDistributionInfo { name } }',
      {},
      token,
    );
    expect(info).toEqual({
      data: {
        rightsRegistryInfo: { name: 'rights-registry' },
        authorizationInfo: { name: 'authorization' },
        optOutInfo: { name: 'opt-out' },
        royaltyDistributionInfo: { name: 'royalty-distribution' },
      },
    });
    // The demo, seeded into the running system by the CLI through the gateway, as the operator
    // of the issuer (the client the launcher registered with this DATA_DIR): production, and
    // no shared secret.
    const seeded = spawnSync(
      process.execPath,
      ['dist/tools/cli/main.js', 'seed-demo', '--gateway', system.gatewayUrl],
      {
        env: { PATH: process.env.PATH, NODE_ENV: 'production', DATA_DIR: dataDir },
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(seeded.stderr).toBe('');
    expect(seeded.status).toBe(0);
    expect(seeded.stdout).toContain('Demo data is loaded');
    const search = await graphqlAt<{ searchWorks: unknown[] }>(
      system.gatewayUrl,
      '{ searchWorks(query: "Night Drive") { title } }',
    );
    expect(search.data!.searchWorks).toContainEqual({ title: 'Night Drive' });

    expect(await system.stop()).toBe(0);
  });
});
