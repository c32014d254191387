import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { resolveSubgraphSecret, resolveTokenSecret } from './token-secret.js';

/** Secrets kept in DATA_DIR, on a real file system. */
describe('secrets kept in DATA_DIR', () => {
  const withDataDir = async (work: (dataDir: string) => Promise<void>) => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'secret-'));
    try {
      await work(dataDir);
    } finally {
      await rm(dataDir, { recursive: true });
    }
  };

  it('should agree on one secret when processes start together, and keep it', () =>
    withDataDir(async (dataDir) => {
      const settings = { SUBGRAPH_SECRET: undefined, DATA_DIR: dataDir };
      const secrets = await Promise.all(
        Array.from({ length: 8 }, () => resolveSubgraphSecret(settings)),
      );
      expect(new Set(secrets).size).toBe(1);
      expect(secrets[0]!.length).toBeGreaterThanOrEqual(32);
      expect((await readFile(path.join(dataDir, 'subgraph-secret'), 'utf8')).trim()).toBe(
        secrets[0],
      );
      expect(await resolveSubgraphSecret(settings)).toBe(secrets[0]);
    }));

  it('should refuse a secret file too short to hold a secret', () =>
    withDataDir(async (dataDir) => {
      await writeFile(path.join(dataDir, 'jwt-secret'), '\n');
      await expect(
        resolveTokenSecret({ AUTH_JWT_SECRET: undefined, DATA_DIR: dataDir }),
      ).rejects.toThrow('holds no secret of at least 32 characters');
    }));
});
