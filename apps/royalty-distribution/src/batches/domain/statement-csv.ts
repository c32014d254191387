import { csvCell } from './spreadsheet-text.js';

/** What a statement's CSV says of the statement itself (repeated on every line). */
export interface StatementCsvHead {
  holderId: string;
  holderName: string | null;
  societyName: string | null;
  batch: {
    id: string;
    societyId: string;
    periodStart: string;
    periodEnd: string;
    category: string;
    currency: string;
  };
}

export interface StatementCsvLine {
  workKey: string;
  title: string | null;
  useType: string;
  amount: bigint;
  status: string;
}

/** Byte order mark: spreadsheets (Excel in Japanese locales especially) read the file as UTF-8. */
export const UTF8_BOM = '\uFEFF';

export const STATEMENT_CSV_COLUMNS = [
  'holder_id',
  'holder_name',
  'society_id',
  'society_name',
  'batch_id',
  'period_start',
  'period_end',
  'category',
  'work_key',
  'title',
  'use_type',
  'amount',
  'currency',
  'status',
] as const;

/**
 * A holder's statement as one CSV table that a spreadsheet opens and a program reads: one
 * header row, then a row per work and use type, each naming the holder, the society and the
 * period (so any row read alone says what it is). UTF-8 with a byte order mark; every text cell
 * is safe from formula injection; the period is [period_start, period_end).
 */
export function statementCsv(head: StatementCsvHead, lines: readonly StatementCsvLine[]): string {
  const { batch } = head;
  const rows = lines.map((line) =>
    [
      head.holderId,
      csvCell(head.holderName ?? ''),
      batch.societyId,
      csvCell(head.societyName ?? ''),
      batch.id,
      batch.periodStart,
      batch.periodEnd,
      batch.category,
      csvCell(line.workKey),
      csvCell(line.title ?? ''),
      line.useType,
      line.amount.toString(),
      batch.currency,
      line.status,
    ].join(','),
  );
  return `${UTF8_BOM}${[STATEMENT_CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
