import { createReadStream } from 'node:fs';
import { readCsv } from '#libs/csv';

export interface CsvRow {
  /** 1-based physical line of the file where the record starts. */
  line: number;
  /** Bytes of the file read so far (for progress). */
  bytes: number;
  values: Record<string, string>;
}

/**
 * Records of a CSV file with a header line, streamed (never held whole in memory). A file that
 * cannot be read throws `CsvFileError` with its line (see `readCsv`).
 */
export async function* csvRows(file: string): AsyncGenerator<CsvRow> {
  let header: string[] | undefined;
  for await (const { line, bytes, fields } of readCsv(createReadStream(file))) {
    if (!header) {
      header = fields.map((column) => column.trim().toLowerCase());
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((column, index) => (values[column] = fields[index]!.trim()));
    yield { line, bytes, values };
  }
}
