import type { UsageReportProcessedV1 } from '#libs/contracts';

/**
 * The address of the report's rejected lines: the API path the event gives, made absolute
 * with the public origin (where the gateway serves the API).
 */
export function rejectedLinesUrl(path: string, publicOrigin: string): string {
  return new URL(path, publicOrigin).href;
}

/** The `data` of a `usage-report.processed` webhook: the counts and where the rejected lines are. */
export function usageReportProcessedData(
  event: UsageReportProcessedV1,
  publicOrigin: string,
): Record<string, unknown> {
  return {
    reportId: event.reportId,
    status: event.status,
    periodStart: event.periodStart,
    periodEnd: event.periodEnd,
    linesAccepted: event.linesAccepted,
    linesRejected: event.linesRejected,
    processedAt: event.processedAt,
    rejectedLinesUrl: rejectedLinesUrl(event.rejectedLinesPath, publicOrigin),
  };
}
