import { OptOutRegistered } from '#libs/contracts';
import { handlerFor, type EventHandler } from '#libs/messaging';
import type { NoticeContext } from '../application/notice-context.js';
import { MailNoticeKind } from '../domain/mail-notice-kinds.js';
import { MailNotices } from '../infrastructure/mail-notices.js';
import { optOutConfirmedParams } from './opt-out-confirmed.params.js';

/**
 * `optout.registered`: remembered for the revocations it causes, and an `OPT_OUT_CONFIRMED`
 * mail notice to the holder.
 */
export function optOutConfirmedHandler(context: NoticeContext): EventHandler {
  return handlerFor(OptOutRegistered, async (event, manager) => {
    const payload = event.payload;
    await context.facts.recordOptOut(manager, payload.optOutId, {
      holderId: payload.holderId,
      effectiveFrom: payload.effectiveFrom,
    });
    const workTitle = payload.workId
      ? await context.registry.workTitle(payload.workId, manager)
      : undefined;
    await MailNotices.add(manager, {
      partyId: payload.holderId,
      kind: MailNoticeKind.OPT_OUT_CONFIRMED,
      params: optOutConfirmedParams(payload, workTitle),
      sourceId: event.eventId,
    });
  });
}
