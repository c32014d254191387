import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Caller } from '#libs/auth';
import { Role, eventCatalog } from '#libs/contracts';
import { DataSource } from 'typeorm';
import { startTestService, type TestService } from '#libs/testing';
import { rightsRegistryApp } from '../../../rights-registry.app.js';
import { csvRows } from '../../infrastructure/csv-rows.js';
import { ImportWorksHandler, type ImportOptions } from './import-works.handler.js';
import { WORK_CSV_COLUMNS } from './work-csv.js';

describe(ImportWorksHandler.name, () => {
  let service: TestService;
  let folder: string;
  let holder: string;
  const operator: Caller = { role: Role.OPERATOR, partyId: randomUUID() };
  const HEADER =
    'title,category,creators,alternative_titles,iswc,isrc,isan,isbn,proprietary,shares';

  const importFile = (lines: string[]) => importAs(operator, lines);
  const importAs = async (caller: Caller, lines: string[], options?: ImportOptions) => {
    const file = path.join(folder, `${randomUUID()}.csv`);
    await writeFile(file, [HEADER, ...lines].join('\n'));
    return service.app
      .get(ImportWorksHandler)
      .execute(() => csvRows(file), caller, undefined, options);
  };
  const titles = async (query: string) =>
    (
      await service.graphql<{ searchWorks: { title: string }[] }>(
        'query ($q: String!) { searchWorks(query: $q) { title } }',
        { q: query },
      )
    ).data!.searchWorks.map((work) => work.title);

  beforeAll(async () => {
    service = await startTestService(rightsRegistryApp);
    folder = await mkdtemp(path.join(tmpdir(), 'works-import-'));
    const result = await service.graphql<{ registerParty: { id: string } }>(
      'mutation { registerParty(input: { kind: RIGHT_HOLDER, name: "Importer Holder" }) { id } }',
      {},
      operator,
    );
    holder = result.data!.registerParty.id;
  });

  afterAll(async () => {
    await service?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('should register every work of a valid file', async () => {
    const result = await importFile([
      `紅蓮華,MUSIC,LiSA|草野華余子,Gurenge,T-034.524.680-1,JP-K00-21-00001,,,,${holder}:PERFORMANCE:10000`,
      `"Dune, Part Two",FILM,Denis Villeneuve,,,,0000-0000-3A8D-0000-Z,,,${holder}:MAKING_AVAILABLE:5000`,
      `ワンピース 第1巻,MANGA,尾田栄一郎,One Piece Vol. 1,,,,0-306-40615-2,SHUEISHA:JC-001,`,
    ]);
    expect(result).toEqual({ imported: 3, errors: [] });
    expect(await titles('gurenge')).toEqual(['紅蓮華']);
    expect(await titles('dune part two')).toEqual(['Dune, Part Two']);
    expect(await titles('9780306406157')).toEqual(['ワンピース 第1巻']);
  });

  it('should refuse a file read past its size limit whole, naming the line it reached', async () => {
    const lines = Array.from({ length: 40 }, (_, n) => `Long File Song ${n},MUSIC,,,,,,,,`);
    const result = await importAs(operator, lines, { maxBytes: 500 });
    expect(result.imported).toBe(0);
    expect(result.errors).toEqual([
      {
        line: expect.any(Number),
        field: 'file',
        reason: 'the file is larger than 500 bytes: split it and send the parts one by one',
      },
    ]);
    expect(await titles('Long File Song 1')).toEqual([]);
  });

  it('should report each bad field with its line and import nothing', async () => {
    const result = await importFile([
      `Fine Song,MUSIC,,,,,,,,`,
      `Bad ISWC,MUSIC,,,T-034.524.680-9,,,,,`,
      `,PAINTING,,,,,,,,`,
      `Too Much,MUSIC,,,,,,,,${holder}:PERFORMANCE:6000|${randomUUID()}:PERFORMANCE:5000`,
      `Bad Share,MUSIC,,,,,,,,someone:PERFORMANCE:100`,
    ]);
    expect(result.imported).toBe(0);
    expect(result.errors).toEqual([
      { line: 3, field: 'iswc', reason: 'T-034.524.680-9: ISWC check digit should be 1' },
      { line: 4, field: 'title', reason: 'must not be empty' },
      { line: 4, field: 'category', reason: expect.stringContaining('must be one of MUSIC') },
      {
        line: 5,
        field: 'shares',
        reason: 'PERFORMANCE shares add up to 11000 basis points; at most 10000',
      },
      {
        line: 6,
        field: 'shares',
        reason: 'someone:PERFORMANCE:100: write holderId:RIGHT_TYPE:basisPoints',
      },
    ]);
    expect(await titles('fine song')).toEqual([]);
  });

  it('should report conflicts found while registering and commit none of the file', async () => {
    const stranger = randomUUID();
    const result = await importFile([
      `Would Be Fine,BOOK,,,,,,,,`,
      `Same Book,BOOK,,,,,,978-0-306-40615-7,,`,
      `Unknown Holder,MUSIC,,,,,,,,${stranger}:PERFORMANCE:10000`,
    ]);
    expect(result.imported).toBe(0);
    expect(result.errors).toEqual([
      {
        line: 3,
        field: 'isbn',
        reason: expect.stringMatching(
          /^ISBN 9780306406157 is already registered to work .* \(ワンピース 第1巻\)$/,
        ),
      },
      { line: 4, field: 'shares', reason: `holder ${stranger} is not a registered right holder` },
    ]);
    expect(await titles('would be fine')).toEqual([]);
  });

  it('should refuse a file imported again, line by line naming the existing works, unless confirmed', async () => {
    const lines = [
      `Twice Imported Song,MUSIC,,,,,,,,${holder}:PERFORMANCE:10000`,
      `Twice Imported Film,FILM,,,,,,,,${holder}:MAKING_AVAILABLE:5000`,
    ];
    expect(await importFile(lines)).toEqual({ imported: 2, errors: [] });
    const [song, film] = await Promise.all(
      ['twice imported song', 'twice imported film'].map(async (title) =>
        (
          await service.graphql<{ searchWorks: { id: string; title: string }[] }>(
            'query ($q: String!) { searchWorks(query: $q) { id title } }',
            { q: title },
          )
        ).data!.searchWorks.find((work) => work.title.toLowerCase() === title),
      ),
    );
    const again = await importFile([
      ...lines,
      `ＴＷＩＣＥ Imported Song,MUSIC,,,,,,,,`, // no holders: another work
      `Solo Repeat Tune,MUSIC,,,,,,,,${holder}:PERFORMANCE:10000`,
      `solo repeat tune,MUSIC,,,,,,,,${holder}:PERFORMANCE:10000`,
    ]);
    const reason = (work: { id: string; title: string }) =>
      `likely a duplicate of work ${work.id} (${work.title}): same title, category and holders; confirm duplicates to register it anyway`;
    expect(again).toEqual({
      imported: 0,
      errors: [
        { line: 2, field: 'title', reason: reason(song!) },
        { line: 3, field: 'title', reason: reason(film!) },
        {
          line: 6,
          field: 'title',
          reason:
            'likely a duplicate of line 5: same title, category and holders; confirm duplicates to register it anyway',
        },
      ],
    });
    expect(await titles('solo repeat tune')).toEqual([]);
    expect(await importAs(operator, lines, { confirmDuplicates: true })).toEqual({
      imported: 2,
      errors: [],
    });
    expect(
      (await titles('twice imported song')).filter((title) => title === 'Twice Imported Song'),
    ).toHaveLength(2);
  });

  it('should store titles, identifiers and shares and publish work.registered per work', async () => {
    const iswc = 'T-345.246.800-3';
    const result = await importFile([
      `Staged Song,MUSIC,A. Writer|B. Writer,Alt One|Alt Two,${iswc},,,,,${holder}:PERFORMANCE:7000|${holder}:REPRODUCTION:10000`,
    ]);
    expect(result).toEqual({ imported: 1, errors: [] });
    const found = await service.graphql<{
      searchWorks: {
        id: string;
        creatorNames: string[];
        alternativeTitles: { title: string }[];
        identifiers: { scheme: string; value: string }[];
        shares: { holder: { id: string }; rightType: string; shareBps: number }[];
      }[];
    }>(
      `{ searchWorks(query: "alt two") { id creatorNames alternativeTitles { title }
         identifiers { scheme value } shares { holder { id } rightType shareBps } } }`,
      {},
      operator,
    );
    const work = found.data!.searchWorks[0]!;
    expect(work).toMatchObject({
      creatorNames: ['A. Writer', 'B. Writer'],
      alternativeTitles: [{ title: 'Alt One' }, { title: 'Alt Two' }],
      identifiers: [{ scheme: 'ISWC', value: 'T3452468003' }],
    });
    expect(work.shares).toEqual(
      expect.arrayContaining([
        { holder: { id: holder }, rightType: 'PERFORMANCE', shareBps: 7000 },
        { holder: { id: holder }, rightType: 'REPRODUCTION', shareBps: 10000 },
      ]),
    );
    // Who holds what is not shown to anonymous callers.
    const anonymous = await service.graphql<{ searchWorks: { shares: unknown[] }[] }>(
      '{ searchWorks(query: "alt two") { shares { shareBps } } }',
    );
    expect(anonymous.data!.searchWorks[0]!.shares).toEqual([]);
    const envelope = await eventually(async () => {
      const [row] = await service.app
        .get(DataSource)
        .query<{ value: unknown }[]>(`SELECT value FROM eventlog.events WHERE key = $1`, [work.id]);
      return row?.value;
    });
    const { envelope: decoded } = eventCatalog.decode(envelope);
    expect(decoded).toMatchObject({
      type: 'registry.work.registered',
      aggregateId: work.id,
      payload: { workId: work.id, title: 'Staged Song', registeredBy: operator.partyId },
    });
  });

  it('should report an identifier given twice in a file on the later line', async () => {
    const result = await importFile([
      `First,BOOK,,,,,,978-4-08-882585-4,,`,
      `Second,BOOK,,,,,,9784088825854,,`,
    ]);
    expect(result.errors).toEqual([
      { line: 3, field: 'isbn', reason: 'ISBN 9784088825854 is also given on line 2' },
    ]);
  });

  it('should hold a caller to its own registration rights', async () => {
    const other = (
      await service.graphql<{ registerParty: { id: string } }>(
        'mutation { registerParty(input: { kind: SOCIETY, name: "Import Society" }) { id } }',
        {},
        operator,
      )
    ).data!.registerParty.id;
    const asHolder = await importAs({ role: Role.RIGHT_HOLDER, partyId: other }, [
      `Not Mine,MUSIC,,,,,,,,${holder}:PERFORMANCE:10000`,
    ]);
    expect(asHolder.errors).toEqual([
      {
        line: 2,
        field: 'shares',
        reason: 'a right holder registers works in which it holds a share',
      },
    ]);
    const asSociety = await importAs({ role: Role.SOCIETY_ADMIN, partyId: other }, [
      `Not A Member's,MUSIC,,,,,,,,${holder}:PERFORMANCE:10000`,
    ]);
    expect(asSociety.errors).toEqual([
      { line: 2, field: 'shares', reason: `holder ${holder} is not a member of the society` },
    ]);
  });

  it('should refuse unknown columns and an empty file', async () => {
    const file = path.join(folder, 'odd.csv');
    await writeFile(file, 'title,category,genre\nX,MUSIC,pop\n');
    const odd = await service.app.get(ImportWorksHandler).execute(() => csvRows(file), operator);
    expect(odd.errors).toEqual([{ line: 1, field: 'genre', reason: 'unknown column' }]);
    expect((await importFile([])).errors).toEqual([
      { line: 1, field: 'file', reason: 'no works in the file' },
    ]);
  });

  describe('a file as spreadsheets save it', () => {
    const HEADER_LINE = `${HEADER}\n`;
    const importText = async (text: string | Buffer) => {
      const file = path.join(folder, `${randomUUID()}.csv`);
      await writeFile(file, text);
      return service.app.get(ImportWorksHandler).execute(() => csvRows(file), operator);
    };
    const fileError = (line: number, reason: unknown) => ({
      imported: 0,
      errors: [{ line, field: 'file', reason }],
    });

    // Each attempt has its own time limit: a file that hangs the import fails its test.
    it.each([
      [
        'a byte order mark',
        `\uFEFF${HEADER_LINE}Bom Song,MUSIC,,,,,,,,\n`,
        { imported: 1, errors: [] },
      ],
      [
        'CRLF line ends',
        `${HEADER}\r\nCrlf Song,MUSIC,,,,,,,,\r\nCrlf Bad,NOVEL,,,,,,,,\r\n`,
        {
          imported: 0,
          errors: [
            { line: 3, field: 'category', reason: expect.stringContaining('must be one of') },
          ],
        },
      ],
      [
        'semicolons and a quoted field',
        `${WORK_CSV_COLUMNS.join(';')}\n"Semi; Colon";MUSIC;;;;;;;;\n`,
        fileError(1, 'the file is separated by semicolons; save it as CSV with commas'),
      ],
      [
        'tabs',
        `\uFEFF${WORK_CSV_COLUMNS.join('\t')}\nTab Song\tMUSIC\t\t\t\t\t\t\t\t\n`,
        fileError(1, 'the file is separated by tabs; save it as CSV with commas'),
      ],
      [
        'a quoted multi-line cell followed by a bad line',
        `${HEADER_LINE}Multi Song,MUSIC,"A|\nB|\nC",,,,,,,\nAfter Multi,NOVEL,,,,,,,,\n`,
        {
          imported: 0,
          errors: [
            { line: 5, field: 'category', reason: expect.stringContaining('must be one of') },
          ],
        },
      ],
      [
        'a quoted multi-line cell followed by a line with too many fields',
        `${HEADER_LINE}Multi Song,MUSIC,"A|\r\nB",,,,,,,\r\nExtra,MUSIC,,,,,,,,,,\r\n`,
        fileError(
          4,
          'the line has 12 fields where the header has 10; a comma inside a value needs the value in quotes',
        ),
      ],
      [
        'an unterminated quote at the end',
        `${HEADER_LINE}Fine Song,MUSIC,,,,,,,,\n"Never Closed,MUSIC,,,,,,,,\n`,
        fileError(3, expect.stringContaining('never closed')),
      ],
      [
        'a stray quote',
        `${HEADER_LINE}Stray "Quote",MUSIC,,,,,,,,\n`,
        fileError(2, expect.stringContaining('put the value in quotes')),
      ],
      [
        'bytes that are not UTF-8',
        Buffer.concat([
          Buffer.from(`${HEADER_LINE}Fine,MUSIC,,,,,,,,\n`),
          Buffer.from([0x82, 0xa0, 0x0a]),
        ]),
        fileError(3, 'the file must be UTF-8 text without NUL bytes'),
      ],
      ['an empty file', '', fileError(1, 'no works in the file')],
      ['a header only', HEADER_LINE, fileError(1, 'no works in the file')],
    ])(
      'should read a file with %s, or refuse it with the line at fault',
      async (_shape, text, expected) => {
        expect(await importText(text)).toEqual(expected);
      },
      20_000,
    );
  });
});

async function eventually<T>(probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined || Date.now() > deadline) return value as T;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
