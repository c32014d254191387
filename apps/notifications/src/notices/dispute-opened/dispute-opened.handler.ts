import { WorkDisputeOpened } from '#libs/contracts';
import { handlerFor, type EventHandler } from '#libs/messaging';
import type { NoticeContext } from '../application/notice-context.js';
import { MailNoticeKind } from '../domain/mail-notice-kinds.js';
import { MailNotices } from '../infrastructure/mail-notices.js';
import { disputeOpenedParams, disputeParties } from './dispute-opened.params.js';

/** `registry.work.dispute-opened` -> a `DISPUTE_OPENED` mail notice to each party of the dispute. */
export function disputeOpenedHandler(context: NoticeContext): EventHandler {
  return handlerFor(WorkDisputeOpened, async (event, manager) => {
    const payload = event.payload;
    const params = disputeOpenedParams(
      payload,
      await context.registry.workTitle(payload.workId, manager),
    );
    for (const partyId of disputeParties(payload)) {
      await MailNotices.add(manager, {
        partyId,
        kind: MailNoticeKind.DISPUTE_OPENED,
        params,
        sourceId: event.eventId,
      });
    }
  });
}
