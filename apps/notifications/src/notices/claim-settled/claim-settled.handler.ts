import { ClaimSettled } from '#libs/contracts';
import { handlerFor, type EventHandler } from '#libs/messaging';
import { sendToOwner, type NoticeContext } from '../application/notice-context.js';
import { MailNoticeKind } from '../domain/mail-notice-kinds.js';
import { MailNotices } from '../infrastructure/mail-notices.js';
import { claimSettledData, claimSettledNotice, claimSocieties } from './claim-settled.data.js';

/**
 * `distribution.claim.settled` -> `claim.settled` to the society whose reserve paid it and to
 * the claimant's society (the event's, else its membership in the registry view on the day),
 * and a `CLAIM_SETTLED` mail notice to the claimant.
 */
export function claimSettledHandler(context: NoticeContext): EventHandler {
  return handlerFor(ClaimSettled, async (event, manager) => {
    const payload = event.payload;
    const claimantSocietyId =
      payload.claimantSocietyId !== undefined
        ? payload.claimantSocietyId
        : (
            await context.registry.societiesOf(
              payload.holderId,
              new Date(payload.settledAt),
              manager,
            )
          ).sort()[0];
    for (const societyId of claimSocieties(payload.societyId, claimantSocietyId)) {
      await sendToOwner(context, manager, {
        ownerPartyId: societyId,
        eventType: 'claim.settled',
        orderingKey: payload.claimId,
        sourceEventId: event.eventId,
        occurredAt: new Date(event.occurredAt),
        data: claimSettledData(payload),
      });
    }
    await MailNotices.add(manager, {
      partyId: payload.holderId,
      kind: MailNoticeKind.CLAIM_SETTLED,
      params: claimSettledNotice(payload),
      sourceId: event.eventId,
    });
  });
}
