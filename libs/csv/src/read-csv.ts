import { Readable } from 'node:stream';
import { CsvError, parse, type Options } from 'csv-parse';
import { CsvFileError, NOT_TEXT, lineEnds, separatorProblem } from './shape.js';

export interface CsvRecord {
  /** 1-based physical line of the file where the record starts (the header is line 1). */
  line: number;
  /** Bytes of the file read so far (for progress). */
  bytes: number;
  fields: string[];
}

/** What is read before the separator check when the first line does not end sooner. */
const HEAD_LIMIT = 64 * 1024;

/**
 * The records of a comma-separated file, the header first, streamed (never held whole in
 * memory). A UTF-8 byte order mark is dropped; `\n`, `\r\n` and `\r` all end lines (and
 * read as `\n` inside quoted values); lines are
 * numbered as they are in the file, however many lines a quoted cell spans. A file that cannot
 * be read (not UTF-8, NUL bytes, separated by semicolons or tabs, a stray or unclosed quote, a
 * record with more or fewer fields than the header) throws {@link CsvFileError}.
 */
export async function* readCsv(
  source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  onBytes: (bytes: number) => void = () => undefined,
): AsyncGenerator<CsvRecord> {
  const progress = { bytes: 0 };
  const text = Readable.from(checkedText(source, progress, onBytes));
  // Where the last record ended, as the parser reads (records may wait in its buffer).
  const parsed: { lines: number; emptyLines: number; fields?: number } = {
    lines: 0,
    emptyLines: 0,
  };
  const parser = parse({
    bom: true,
    info: true,
    skip_empty_lines: true,
    // With `info`, the parser hands its callback the record with its info.
    on_record: ((record: { record: string[] }, context: { lines: number; empty_lines: number }) => {
      parsed.lines = context.lines;
      parsed.emptyLines = context.empty_lines;
      parsed.fields ??= record.record.length;
      return record;
    }) as unknown as Options['on_record'],
  });
  text.on('error', (error) => parser.destroy(error));
  text.pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      const spanned = record.reduce((sum, field) => sum + lineEnds(field), 0);
      const line = info.lines - spanned;
      yield { line, bytes: progress.bytes, fields: record };
    }
  } catch (error) {
    throw error instanceof CsvError ? unreadable(error, parsed) : error;
  } finally {
    text.destroy();
  }
}

/** The file's bytes as text, checked: UTF-8 without NUL, and comma-separated. */
async function* checkedText(
  source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  progress: { bytes: number },
  onBytes: (bytes: number) => void,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let head: string | undefined = '';
  // A `\r` at the end of a chunk may be the first half of a `\r\n`.
  let carriageReturn = false;
  const lineEndsAsNewlines = (text: string, last: boolean): string => {
    let whole = (carriageReturn ? '\r' : '') + text;
    carriageReturn = !last && whole.endsWith('\r');
    if (carriageReturn) whole = whole.slice(0, -1);
    return whole.replace(/\r\n?/g, '\n');
  };
  const decode = (bytes?: Buffer): string => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      const lenient = new TextDecoder().decode(bytes);
      const bad = Math.max(lenient.indexOf('\uFFFD'), 0);
      throw new CsvFileError(line + lineEnds(lenient.slice(0, bad)), NOT_TEXT);
    }
  };
  const checked = (text: string): string => {
    const nul = text.indexOf('\0');
    if (nul >= 0) throw new CsvFileError(line + lineEnds(text.slice(0, nul)), NOT_TEXT);
    line += lineEnds(text);
    if (head === undefined) return text;
    head += text;
    const end = head.indexOf('\n');
    if (end < 0 && head.length < HEAD_LIMIT) return '';
    const problem = separatorProblem(end < 0 ? head : head.slice(0, end));
    if (problem) throw new CsvFileError(1, problem);
    const whole = head;
    head = undefined;
    return whole;
  };
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    progress.bytes += bytes.length;
    onBytes(progress.bytes);
    const text = checked(lineEndsAsNewlines(decode(bytes), false));
    if (text) yield text;
  }
  const rest = checked(lineEndsAsNewlines(decode(), true));
  if (rest) yield rest;
  if (head) {
    const problem = separatorProblem(head);
    if (problem) throw new CsvFileError(1, problem);
    yield head;
  }
}

/** A parser's refusal as a plain sentence on the physical line at fault. */
function unreadable(
  error: CsvError,
  parsed: { lines: number; emptyLines: number; fields?: number },
): CsvFileError {
  const { lines, record, empty_lines } = error as unknown as {
    lines?: number;
    record?: string[];
    empty_lines?: number;
  };
  const nextLine = parsed.lines + 1 + Math.max((empty_lines ?? 0) - parsed.emptyLines, 0);
  const at = (lines ?? nextLine) - (record ?? []).reduce((sum, field) => sum + lineEnds(field), 0);
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new CsvFileError(
        nextLine,
        'a quoted field is never closed: every field that opens with a quote (") needs a closing quote',
      );
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      return new CsvFileError(
        at,
        `the line has ${record?.length ?? 'another number of'} fields where the header has ${parsed.fields ?? 'others'}; a comma inside a value needs the value in quotes`,
      );
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new CsvFileError(
        at,
        'a quote (") inside a value that is not quoted; put the value in quotes and double the quotes inside it',
      );
    default:
      return new CsvFileError(at, 'the line cannot be read as CSV');
  }
}
