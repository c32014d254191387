import { UsageReportProcessed } from '#libs/contracts';
import { handlerFor, type EventHandler } from '#libs/messaging';
import { sendToOwner, type NoticeContext } from '../application/notice-context.js';
import { usageReportProcessedData } from './usage-report-processed.data.js';

/** `distribution.usage-report.processed` -> `usage-report.processed` to the report's platform. */
export function usageReportProcessedHandler(context: NoticeContext): EventHandler {
  return handlerFor(UsageReportProcessed, async (event, manager) => {
    const payload = event.payload;
    await sendToOwner(context, manager, {
      ownerPartyId: payload.platformId,
      eventType: 'usage-report.processed',
      orderingKey: payload.reportId,
      sourceEventId: event.eventId,
      occurredAt: new Date(event.occurredAt),
      data: usageReportProcessedData(payload, context.publicOrigin),
    });
  });
}
