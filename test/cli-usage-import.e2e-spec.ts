import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { runCli } from './support/cli-run.js';
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

  describe('a file as spreadsheets save it', () => {
    const importText = async (text: string | Buffer) => {
      const file = path.join(folder, `${randomUUID()}.csv`);
      await writeFile(file, text);
      return runCli(
        [
          'usage',
          'import',
          file,
          '--platform',
          platform,
          '--period-start',
          '2026-11-01',
          '--period-end',
          '2026-12-01',
        ],
        { PATH: process.env.PATH, DATABASE_URL: database.url, LOG_LEVEL: 'silent' },
        40_000,
      );
    };
    const good = () => `${license},,,,STREAM,JP,1,2026-11-05`;
    const bad = () => `${license},,,,DOWNLOAD,JP,1,2026-11-05`;
    const refused = (message: string) => ({
      status: 1,
      stderr: expect.stringContaining(`: ${message}`),
    });
    const rejected = (line: number) => ({
      status: 3,
      stderr: expect.stringContaining(`line ${line}: useType: DOWNLOAD is not licensed`),
    });

    // Each attempt has its own time limit: a file that hangs the import fails its test.
    it.each<[string, () => string | Buffer, unknown]>([
      [
        'a byte order mark',
        () => `\uFEFF${HEADER}\n${good()}\n`,
        { status: 0, stdout: expect.stringContaining(': 1 accepted, 0 rejected') },
      ],
      ['CRLF line ends', () => `${HEADER}\r\n${good()}\r\n${bad()}\r\n`, rejected(3)],
      [
        'semicolons and a quoted field',
        () => `${HEADER.replaceAll(',', ';')}\n${license};;;"A; song";STREAM;JP;1;2026-11-05\n`,
        refused('line 1: the file is separated by semicolons; save it as CSV with commas'),
      ],
      [
        'tabs',
        () => `${HEADER.replaceAll(',', '\t')}\n${good().replaceAll(',', '\t')}\n`,
        refused('line 1: the file is separated by tabs; save it as CSV with commas'),
      ],
      [
        'a quoted multi-line cell followed by a bad line',
        () => `${HEADER}\n${license},,,,STREAM,"J\nP",1,2026-11-05\n${bad()}\n`,
        rejected(4),
      ],
      [
        'an unterminated quote at the end',
        () => `${HEADER}\n${good()}\n${license},,,"never closed,STREAM,JP,1,2026-11-05\n`,
        refused('line 3: a quoted field is never closed'),
      ],
      ['an empty file', () => '', refused('the report has no lines')],
      ['a header only', () => `${HEADER}\n`, refused('the report has no lines')],
    ])(
      'should read a file with %s, or refuse it with the line at fault',
      async (_shape, text, expected) => {
        expect(await importText(text())).toMatchObject(expected as object);
      },
      30_000,
    );
  });
});
