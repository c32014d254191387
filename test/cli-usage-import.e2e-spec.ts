import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { royaltyDistributionDatabase } from '../apps/royalty-distribution/src/royalty-distribution.database.js';

const HEADER = 'licenseId,workId,identifier,title,useType,territory,quantity,usageDate';

describe('cli usage import', () => {
  let database: TestDatabase;
  let folder: string;
  const platform = randomUUID();
  const license = randomUUID();

  /** The built CLI (npm test builds first), as `npm run cli -- usage import ...` runs it. */
  const cli = (file: string, extra: string[] = []) =>
    spawnSync(
      process.execPath,
      [
        'dist/tools/cli/main.js',
        'usage',
        'import',
        file,
        '--platform',
        platform,
        '--period-start',
        '2026-11-01',
        '--period-end',
        '2026-12-01',
        ...extra,
      ],
      {
        env: { PATH: process.env.PATH, DATABASE_URL: database.url, LOG_LEVEL: 'silent' },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
  const csv = async (lines: string[]) => {
    const file = path.join(folder, `${randomUUID()}.csv`);
    await writeFile(file, [HEADER, ...lines].join('\n'));
    return file;
  };
  const reports = async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (
        await client.query<{ count: number }>(
          'SELECT count(*)::int AS count FROM royalty_distribution.usage_reports',
        )
      ).rows[0]!.count;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase([royaltyDistributionDatabase]);
    folder = await mkdtemp(path.join(tmpdir(), 'cli-usage-'));
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query(
      `INSERT INTO royalty_distribution.licenses (id, platform_id, work_id, unidentified_reference,
         decision, scheme_id, society_id, category, use_type, territory, valid_from, valid_to,
         fee_minor, currency)
       VALUES ($1, $2, $3, NULL, 'GRANTED_ECL', $4, $5, 'MUSIC', 'STREAM', 'JP', '2026-01-01',
               '2027-01-01', 100, 'JPY')`,
      [license, platform, randomUUID(), randomUUID(), randomUUID()],
    );
    await client.end();
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
    await database?.drop();
  });

  it('should exit 0 and print the report when every line is accepted', async () => {
    const sut = cli(await csv([`${license},,,,STREAM,JP,10,2026-11-02`]), ['--key', 'nov']);
    expect(sut.status).toBe(0);
    expect(sut.stdout).toMatch(
      /^report [0-9a-f-]{36}: 1 accepted, 0 rejected, 0 not identified yet\n$/,
    );
    const again = cli(await csv([`${license},,,,STREAM,JP,10,2026-11-02`]), ['--key', 'nov']);
    expect(again.stdout).toContain('already submitted with this key');
    expect(await reports()).toBe(1);
  });

  it('should exit 3 and list rejected lines by number when some lines are rejected', async () => {
    const sut = cli(
      await csv([
        `${license},,,,STREAM,JP,10,2026-11-02`,
        `${license},,,,DOWNLOAD,JP,1,2026-11-02`,
      ]),
    );
    expect(sut.status).toBe(3);
    expect(sut.stderr).toContain(
      'line 3: useType: DOWNLOAD is not licensed; the license covers STREAM',
    );
  });

  it('should exit 1 and store nothing for a file it cannot read', async () => {
    const before = await reports();
    const file = path.join(folder, 'bad.csv');
    await writeFile(file, 'license,qty\nx,1\n');
    const sut = cli(file);
    expect(sut.status).toBe(1);
    expect(sut.stderr).toContain('nothing was stored');
    expect(await reports()).toBe(before);
  });
});
