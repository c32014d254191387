import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

export interface CsvRow {
  /** 1-based line of the file where the record starts. */
  line: number;
  /** Bytes of the file read so far (for progress). */
  bytes: number;
  values: Record<string, string>;
}

/** Records of a CSV file with a header line, streamed (never held whole in memory). */
export async function* csvRows(file: string): AsyncGenerator<CsvRow> {
  const parser = createReadStream(file).pipe(
    parse({
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      bom: true,
      info: true,
      trim: true,
      skip_empty_lines: true,
    }),
  );
  for await (const record of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number; bytes: number };
  }>) {
    yield { line: record.info.lines, bytes: record.info.bytes, values: record.record };
  }
}
