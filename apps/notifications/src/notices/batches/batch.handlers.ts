import { BatchApproved, BatchCalculated } from '#libs/contracts';
import { handlerFor, type EventHandler } from '#libs/messaging';
import { sendToOwner, type NoticeContext } from '../application/notice-context.js';
import { batchApprovedData, batchCalculatedData } from './batch.data.js';

/**
 * `distribution.batch.calculated` and `.approved` -> `batch.calculated` and `batch.approved` to
 * the batch's society. The society of a calculated batch is remembered for its approval, which
 * may not name it (the calculation comes first: the same batch, the same partition).
 */
export function batchHandlers(context: NoticeContext): EventHandler[] {
  return [
    handlerFor(BatchCalculated, async (event, manager) => {
      const payload = event.payload;
      await context.facts.recordBatch(manager, payload.batchId, payload.societyId);
      await sendToOwner(context, manager, {
        ownerPartyId: payload.societyId,
        eventType: 'batch.calculated',
        orderingKey: payload.batchId,
        sourceEventId: event.eventId,
        occurredAt: new Date(event.occurredAt),
        data: batchCalculatedData(payload),
      });
    }),
    handlerFor(BatchApproved, async (event, manager) => {
      const payload = event.payload;
      const societyId =
        payload.societyId ?? (await context.facts.batchSociety(manager, payload.batchId));
      if (!societyId) return;
      await sendToOwner(context, manager, {
        ownerPartyId: societyId,
        eventType: 'batch.approved',
        orderingKey: payload.batchId,
        sourceEventId: event.eventId,
        occurredAt: new Date(event.occurredAt),
        data: batchApprovedData(payload),
      });
    }),
  ];
}
