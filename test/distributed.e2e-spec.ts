import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Tokens } from '#libs/auth';
import { Role } from '#libs/contracts';
import { createTestDatabase, type TestDatabase } from '#libs/testing';

/** `npm run start:distributed`: every service and the gateway as processes of their own. */
describe('distributed start', () => {
  let database: TestDatabase;
  let launcher: ChildProcess;
  let gatewayUrl: string;
  let dataDir: string;
  const secret = randomBytes(32).toString('hex');

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'distributed-'));
    launcher = spawn(process.execPath, ['dist/apps/standalone/src/distributed.js'], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: database.url,
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
    gatewayUrl = await new Promise<string>((resolve, reject) => {
      launcher.stderr!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /GraphQL endpoint: (http:\/\/\S+)\/graphql/.exec(output);
        if (match) resolve(match[1]!);
      });
      launcher.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
    });
  });

  afterAll(async () => {
    if (launcher && launcher.exitCode === null) launcher.kill('SIGKILL');
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should serve the composed API from separate processes, take the demo, and stop cleanly', async () => {
    const token = await new Tokens(secret).issue(
      { role: Role.OPERATOR, partyId: randomUUID() },
      600,
    );
    const response = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query:
          '{ rightsRegistryInfo { name } authorizationInfo { name } optOutInfo { name } royaltyDistributionInfo { name } }',
      }),
    });
    expect(await response.json()).toEqual({
      data: {
        rightsRegistryInfo: { name: 'rights-registry' },
        authorizationInfo: { name: 'authorization' },
        optOutInfo: { name: 'opt-out' },
        royaltyDistributionInfo: { name: 'royalty-distribution' },
      },
    });
    // The demo, seeded into the running system by the CLI through the gateway.
    const seeded = spawnSync(
      process.execPath,
      ['dist/tools/cli/main.js', 'seed-demo', '--gateway', gatewayUrl],
      {
        env: { PATH: process.env.PATH, AUTH_JWT_SECRET: secret, DATA_DIR: dataDir },
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(seeded.stderr).toBe('');
    expect(seeded.status).toBe(0);
    expect(seeded.stdout).toContain('Demo data is loaded');
    const search = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ searchWorks(query: "Night Drive") { title } }' }),
    });
    expect(
      ((await search.json()) as { data: { searchWorks: unknown[] } }).data.searchWorks,
    ).toContainEqual({
      title: 'Night Drive',
    });

    const exited = once(launcher, 'exit');
    launcher.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
  });
});
