import { chmod, mkdir, mkdtemp, realpath, rm, stat, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { freePort } from '#libs/testing';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres.js';

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe(startEmbeddedPostgres.name, () => {
  let root: string;
  const started: RunningPostgres[] = [];
  const start = async (options: Parameters<typeof startEmbeddedPostgres>[0]) => {
    const server = await startEmbeddedPostgres(options);
    started.push(server);
    return server;
  };

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'embedded-pg-spec-'));
  });

  afterAll(async () => {
    for (const server of started) await server.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('should initialise once, reuse a running server, and keep data across restarts', async () => {
    const dataDir = path.join(root, 'pg');
    const port = await freePort();
    const sut = await start({ dataDir, port });
    expect(sut.owned).toBe(true);
    await query(sut.adminUrl, 'CREATE TABLE kept (id int)');

    const second = await start({ dataDir, port: await freePort() });
    expect(second.owned).toBe(false);
    expect(second.adminUrl).toBe(sut.adminUrl); // the running server's port, not the new one
    await second.stop(); // not the owner: leaves the server running
    expect(await query(sut.adminUrl, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);

    const [settings] = await query<{ ctype: string; listen: string }>(
      sut.adminUrl,
      `SELECT datctype AS ctype, current_setting('listen_addresses') AS listen
         FROM pg_database WHERE datname = current_database()`,
    );
    expect(settings).toEqual({ ctype: 'C.UTF-8', listen: '127.0.0.1' });

    await sut.stop();
    await expect(query(sut.adminUrl, 'SELECT 1')).rejects.toThrow();

    const restarted = await start({ dataDir, port });
    expect(restarted.owned).toBe(true);
    expect(await query(restarted.adminUrl, `SELECT to_regclass('kept')::text AS kept`)).toEqual([
      { kept: 'kept' },
    ]);
    await restarted.stop();
  });

  it('should keep the cluster where its server can reach it when DATA_DIR is in a private folder', async () => {
    await chmod(root, 0o755);
    const home = path.join(root, 'home');
    await mkdir(home, { mode: 0o700 });
    const dataDir = path.join(home, 'project', '.data', 'pg');
    await mkdir(path.dirname(dataDir), { recursive: true });
    const clustersRoot = path.join(root, 'clusters');
    const port = await freePort();
    const sut = await start({ dataDir, port, clustersRoot });
    await query(sut.adminUrl, 'CREATE TABLE kept (id int)');
    await sut.stop();

    const restarted = await start({ dataDir, port, clustersRoot });
    expect(restarted.clusterDir).toBe(sut.clusterDir);
    expect(await query(restarted.adminUrl, `SELECT to_regclass('kept')::text AS kept`)).toEqual([
      { kept: 'kept' },
    ]);
    await restarted.stop();
    if (process.getuid?.() !== 0) {
      expect(sut.clusterDir).toBe(dataDir);
      return;
    }
    // As root the server runs as 'postgres', which cannot enter the private folder.
    expect(path.dirname(path.dirname(sut.clusterDir))).toBe(clustersRoot);
    expect(await realpath(dataDir)).toBe(sut.clusterDir);
    expect((await stat(home)).mode & 0o777).toBe(0o700);

    // A DATA_DIR deleted and made again starts with a new, empty cluster.
    await rm(path.dirname(dataDir), { recursive: true });
    await mkdir(path.dirname(dataDir), { recursive: true });
    const fresh = await start({ dataDir, port, clustersRoot });
    expect(fresh.clusterDir).not.toBe(sut.clusterDir);
    expect(await query(fresh.adminUrl, `SELECT to_regclass('kept')::text AS kept`)).toEqual([
      { kept: null },
    ]);
    await fresh.stop();
  });

  it('should refuse, as root, a clusters folder that another user could redirect', async () => {
    await chmod(root, 0o755);
    const home = path.join(root, 'private');
    await mkdir(path.join(home, 'data'), { recursive: true, mode: 0o700 });
    await chmod(home, 0o700);
    const elsewhere = path.join(root, 'elsewhere');
    await mkdir(elsewhere);
    const writable = path.join(root, 'writable');
    await mkdir(writable);
    await chmod(writable, 0o777);
    await symlink(elsewhere, path.join(root, 'linked'));
    for (const clustersRoot of [path.join(root, 'linked'), path.join(writable, 'clusters')]) {
      const starting = start({
        dataDir: path.join(home, 'data', 'pg'),
        port: await freePort(),
        clustersRoot,
      });
      if (process.getuid?.() === 0) {
        await expect(starting).rejects.toThrow(
          /must be a directory owned by root that others cannot change/,
        );
      } else {
        // Not root: the server runs as this user, in DATA_DIR itself.
        await (await starting).stop();
      }
    }
  });

  it('should say why when the server cannot start', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)),
    );
    try {
      await expect(
        startEmbeddedPostgres({ dataDir: path.join(root, 'busy'), port }),
      ).rejects.toThrow(
        /did not start .* on port \d+: pg_ctl start exited with code 1[\s\S]*Last output:/,
      );
    } finally {
      blocker.close();
    }
  });
});
