/**
 * One intake rule for every way a usage report arrives (the CSV route, `submitUsageReport`,
 * any later format): a request or file that cannot be read is refused whole; each line that
 * can be read is checked by itself (the checks below, then the license's, in
 * `CHECK_AND_STORE_LINES`), rejected alone with its line number and reason, or accepted.
 */

/** Where a report came from; decides how its lines are numbered. */
export type UsageSource = 'graphql' | 'csv';

/**
 * The number a report's line is known by: in a CSV file, the physical line it starts on (the
 * header is line 1, a quoted cell may span lines); the lines of `submitUsageReport` are
 * numbered 1..n by their place in `lines`.
 */
export function lineNumber(
  source: UsageSource,
  line: { physical: number; record: number },
): number {
  return source === 'csv' ? line.physical : line.record;
}

/** ACCEPTED when at least one line was accepted; REJECTED when every line was rejected. */
export type UsageReportStatus = 'ACCEPTED' | 'REJECTED';

export function reportStatus(counts: { linesAccepted: number }): UsageReportStatus {
  return counts.linesAccepted > 0 ? 'ACCEPTED' : 'REJECTED';
}

/**
 * Where the platform that sent a report reads all its rejected lines (CSV: line, reason), as a
 * path of the public API: `GET /v1/usage-reports/{id}/errors.csv`.
 */
export function rejectedLinesPath(reportId: string): string {
  return `/v1/usage-reports/${encodeURIComponent(reportId)}/errors.csv`;
}

/** Digits a line's quantity may have (a `bigint` column holds any of them). */
export const MAX_QUANTITY_DIGITS = 15;

/** Characters a line's title may have. */
export const MAX_TITLE_LENGTH = 500;

/** Reasons of the checks on a line's own values, before its license is looked at. */
export const LINE_REASONS = {
  quantity: 'quantity: must be a whole number from 1',
  usageDate: 'usageDate: must be a date YYYY-MM-DD',
  title: `title: must be at most ${MAX_TITLE_LENGTH} characters`,
} as const;

/**
 * Lines `submitUsageReport` takes: with the usual columns (a license id, a use type, a
 * territory, a quantity and a date, about 130 bytes of JSON a line) 4,000 lines fit both the
 * request body limit of every service (1 MiB) and the signed-in complexity budget (5,000, a
 * line counting 1). Larger reports go to the CSV route, which streams.
 */
export const MAX_GRAPHQL_LINES = 4_000;

const USE_CSV = 'send larger reports as CSV to POST /v1/usage-reports';

/** The refusal of a `submitUsageReport` with too many lines. */
export const TOO_MANY_GRAPHQL_LINES = `lines: a report sent through submitUsageReport has at most ${MAX_GRAPHQL_LINES.toLocaleString('en')} lines; ${USE_CSV}`;
