import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { runCli } from './support/cli-run.js';

const HEADER = 'title,category,creators,alternative_titles,iswc,isrc,isan,isbn,proprietary,shares';

describe('cli works import', () => {
  let database: TestDatabase;
  let folder: string;

  /** The built CLI (npm test builds first), as `npm run cli -- works import <file>` runs it. */
  const cli = (file: string, ...options: string[]) =>
    spawnSync(process.execPath, ['dist/tools/cli/main.js', 'works', 'import', file, ...options], {
      env: { PATH: process.env.PATH, DATABASE_URL: database.url, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });

  const csv = async (name: string, lines: string[]) => {
    const file = path.join(folder, name);
    await writeFile(file, [HEADER, ...lines].join('\n'));
    return file;
  };

  const workCount = async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (
        await client.query<{ count: number }>(
          'SELECT count(*)::int AS count FROM rights_registry.works',
        )
      ).rows[0]!.count;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    folder = await mkdtemp(path.join(tmpdir(), 'cli-import-'));
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
    await database?.drop();
  });

  it('should exit 1 with line-numbered errors on stderr and import nothing from a bad file', async () => {
    const sut = cli(
      await csv('bad.csv', [
        'Good,MUSIC,,,,,,,,',
        'Bad,MUSIC,,,T-034.524.680-2,,,,,',
        'Worse,NOVEL,,,,,,,,',
      ]),
    );
    expect(sut.status).toBe(1);
    expect(sut.stderr).toContain(
      'line 3, field iswc: T-034.524.680-2: ISWC check digit should be 1',
    );
    expect(sut.stderr).toMatch(/line 4, field category: must be one of/);
    expect(sut.stderr).toContain('2 error(s); nothing was imported');
    expect(await workCount()).toBe(0);
  });

  it('should import a good file and say how many works it registered', async () => {
    const sut = cli(
      await csv('good.csv', [
        '千と千尋の神隠し,FILM,宮崎駿,Spirited Away,,,,,,',
        'Blue,MUSIC,,,T-034.524.680-1,,,,,',
      ]),
    );
    expect(sut.stderr).not.toMatch(/error/i);
    expect(sut.status).toBe(0);
    expect(sut.stdout).toMatch(/^imported 2 works from .*good\.csv\n$/);
    expect(await workCount()).toBe(2);
  });

  it('should refuse a file imported again, naming the existing works, unless --confirm-duplicates', async () => {
    const file = await csv('twice.csv', ['Twice Over,BOOK,,,,,,,,', 'Twice Again,BOOK,,,,,,,,']);
    expect(cli(file).status).toBe(0);
    const before = await workCount();
    const again = cli(file);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(
      /line 2, field title: likely a duplicate of work [0-9a-f-]{36} \(Twice Over\)/,
    );
    expect(again.stderr).toMatch(
      /line 3, field title: likely a duplicate of work [0-9a-f-]{36} \(Twice Again\)/,
    );
    expect(again.stderr).toContain('2 error(s); nothing was imported');
    expect(await workCount()).toBe(before);
    const confirmed = cli(file, '--confirm-duplicates');
    expect(confirmed.status).toBe(0);
    expect(await workCount()).toBe(before + 2);
  });

  it('should exit 1 for a file that does not exist', () => {
    const sut = cli(path.join(folder, 'missing.csv'));
    expect(sut.status).toBe(1);
    expect(sut.stderr).toContain('no such file');
  });

  describe('a file as spreadsheets save it', () => {
    const importText = async (text: string | Buffer) => {
      const file = path.join(folder, `${randomUUID()}.csv`);
      await writeFile(file, text);
      return runCli(
        ['works', 'import', file],
        { PATH: process.env.PATH, DATABASE_URL: database.url, LOG_LEVEL: 'silent' },
        40_000,
      );
    };
    const refused = (message: string) => ({
      status: 1,
      stderr: expect.stringContaining(message),
    });
    const columns = HEADER.split(',');

    // Each attempt has its own time limit: a file that hangs the import fails its test.
    it.each<[string, string | Buffer, unknown]>([
      [
        'a byte order mark',
        `\uFEFF${HEADER}\nBom Song,MUSIC,,,,,,,,\n`,
        { status: 0, stdout: expect.stringMatching(/^imported 1 works from /) },
      ],
      [
        'CRLF line ends',
        `${HEADER}\r\nCrlf Song,MUSIC,,,,,,,,\r\nCrlf Bad,NOVEL,,,,,,,,\r\n`,
        refused('line 3, field category: must be one of'),
      ],
      [
        'semicolons and a quoted field',
        `${columns.join(';')}\n"Semi; Colon";MUSIC;;;;;;;;\n`,
        refused(
          'line 1, field file: the file is separated by semicolons; save it as CSV with commas',
        ),
      ],
      [
        'tabs',
        `${columns.join('\t')}\nTab Song\tMUSIC\t\t\t\t\t\t\t\t\n`,
        refused('line 1, field file: the file is separated by tabs; save it as CSV with commas'),
      ],
      [
        'a quoted multi-line cell followed by a bad line',
        `${HEADER}\nMulti Song,MUSIC,"A|\nB|\nC",,,,,,,\nAfter Multi,NOVEL,,,,,,,,\n`,
        refused('line 5, field category: must be one of'),
      ],
      [
        'an unterminated quote at the end',
        `${HEADER}\nFine Song,MUSIC,,,,,,,,\n"Never Closed,MUSIC,,,,,,,,\n`,
        refused('line 3, field file: a quoted field is never closed'),
      ],
      ['an empty file', '', refused('line 1, field file: no works in the file')],
      ['a header only', `${HEADER}\n`, refused('line 1, field file: no works in the file')],
    ])(
      'should read a file with %s, or refuse it with the line at fault',
      async (_shape, text, expected) => {
        expect(await importText(text)).toMatchObject(expected as object);
      },
      30_000,
    );
  });
});
