import { describe, expect, it } from '@jest/globals';
import { readCsv } from './read-csv.js';
import { CsvFileError } from './shape.js';

const read = async (...chunks: (string | Buffer)[]) => {
  const records: { line: number; fields: string[] }[] = [];
  for await (const { line, fields } of readCsv(chunks)) records.push({ line, fields });
  return records;
};

const refusal = async (...chunks: (string | Buffer)[]) => {
  try {
    await read(...chunks);
  } catch (error) {
    if (error instanceof CsvFileError) return { line: error.line, reason: error.reason };
    throw error;
  }
  throw new Error('the file was read');
};

describe(readCsv.name, () => {
  it('should drop a byte order mark, split into chunks or not', async () => {
    expect(await read('\uFEFFa,b\n1,2\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
    expect(await read(Buffer.from([0xef, 0xbb]), Buffer.from([0xbf, 0x61, 0x0a]))).toEqual([
      { line: 1, fields: ['a'] },
    ]);
  });

  it('should number records by the physical line they start on', async () => {
    expect(await read('a,b\r\n"x\r\ny\r\nz",1\r\n\r\nlast,2')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x\ny\nz', '1'] },
      { line: 6, fields: ['last', '2'] },
    ]);
  });

  it('should read an empty file and a header alone', async () => {
    expect(await read()).toEqual([]);
    expect(await read('')).toEqual([]);
    expect(await read('a,b')).toEqual([{ line: 1, fields: ['a', 'b'] }]);
  });

  it.each([
    [
      'semicolons',
      ['a;b;"c"\n1;2;"3"\n'],
      1,
      'the file is separated by semicolons; save it as CSV with commas',
    ],
    [
      'tabs',
      ['\uFEFFa\tb\n1\t2\n'],
      1,
      'the file is separated by tabs; save it as CSV with commas',
    ],
    [
      'a bad line after a multi-line cell',
      ['a,b\n"x\ny",1\n1,2,3\n'],
      4,
      expect.stringContaining('3 fields where the header has 2'),
    ],
    [
      'an unterminated quote at the end',
      ['a,b\n1,2\n"never,3\n'],
      3,
      expect.stringContaining('never closed'),
    ],
    ['a stray quote', ['a,b\n1,x"y\n'], 2, expect.stringContaining('quote')],
    ['NUL bytes', ['a,b\n1,2\n3,\0\n'], 3, 'the file must be UTF-8 text without NUL bytes'],
    [
      'bytes that are not UTF-8',
      ['a,b\n1,', Buffer.from([0xff, 0x0a])],
      2,
      'the file must be UTF-8 text without NUL bytes',
    ],
  ])('should refuse a file with %s, on the line at fault', async (_shape, chunks, line, reason) => {
    expect(await refusal(...(chunks as (string | Buffer)[]))).toEqual({ line, reason });
  });
});
