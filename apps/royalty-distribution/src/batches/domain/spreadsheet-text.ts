/**
 * Text of an exported CSV cell that a spreadsheet will not run as a formula: a value starting
 * with `=`, `+`, `-`, `@`, a tab or a carriage return (a title reported by a platform may) is
 * prefixed with an apostrophe. The SQL twin below does the same in COPY exports.
 */
export function spreadsheetText(value: string): string {
  return FORMULA_START.has(value.charAt(0)) ? `'${value}` : value;
}

const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/** `spreadsheetText` of a text column, in SQL. */
export const spreadsheetTextSql = (column: string): string =>
  `CASE WHEN left(${column}, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') THEN '''' || ${column} ELSE ${column} END`;

/** A CSV cell: quoted when it holds a comma, a quote or a line break. */
export const csvCell = (value: string): string => {
  const text = spreadsheetText(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
