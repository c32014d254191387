import type { IdentifierScheme, UseType } from '#libs/contracts';

/**
 * Columns of a usage CSV, in this order, with this header line (UTF-8). `identifier` is
 * `SCHEME:value` (e.g. `ISRC:JP-K00-21-00001`); a line names its work by `workId`,
 * `identifier` or `title` when its license is for an unidentified work.
 */
export const USAGE_CSV_COLUMNS = [
  'licenseId',
  'workId',
  'identifier',
  'title',
  'useType',
  'territory',
  'quantity',
  'usageDate',
] as const;

export interface UsageLineInput {
  licenseId: string;
  workId?: string | null;
  identifier?: { scheme: IdentifierScheme; value: string } | null;
  title?: string | null;
  useType: UseType;
  territory: string;
  quantity: number;
  usageDate: string;
}

const cell = (value: string | number | null | undefined): string => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** Lines given as data, written as the usage CSV (so both paths share one ingest). */
export function* usageCsv(lines: readonly UsageLineInput[]): Generator<string> {
  yield `${USAGE_CSV_COLUMNS.join(',')}\n`;
  for (const line of lines) {
    yield (
      [
        line.licenseId,
        line.workId,
        line.identifier ? `${line.identifier.scheme}:${line.identifier.value}` : '',
        line.title,
        line.useType,
        line.territory,
        line.quantity,
        line.usageDate,
      ]
        .map(cell)
        .join(',') + '\n'
    );
  }
}
