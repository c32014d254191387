import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { readCsv } from '#libs/csv';

export interface CsvRow {
  /** 1-based physical line of the file where the record starts. */
  line: number;
  /** Bytes of the file read so far (for progress). */
  bytes: number;
  values: Record<string, string>;
}

/**
 * Records of a CSV file (a path, or a stream such as an uploaded body) with a header line,
 * streamed (never held whole in memory). A file that cannot be read throws `CsvFileError` with
 * its line (see `readCsv`).
 */
export async function* csvRows(file: string | Readable): AsyncGenerator<CsvRow> {
  let header: string[] | undefined;
  const source = typeof file === 'string' ? createReadStream(file) : file;
  for await (const { line, bytes, fields } of readCsv(source)) {
    if (!header) {
      header = fields.map((column) => column.trim().toLowerCase());
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((column, index) => (values[column] = fields[index]!.trim()));
    yield { line, bytes, values };
  }
}
