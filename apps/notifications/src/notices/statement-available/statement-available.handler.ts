import { StatementAvailable } from '#libs/contracts';
import { handlerFor, type EventHandler } from '#libs/messaging';
import { MailNoticeKind } from '../domain/mail-notice-kinds.js';
import { MailNotices } from '../infrastructure/mail-notices.js';
import { statementAvailableParams } from './statement-available.params.js';

/** `distribution.statement.available` -> a `STATEMENT_AVAILABLE` mail notice to the holder. */
export function statementAvailableHandler(): EventHandler {
  return handlerFor(StatementAvailable, async (event, manager) => {
    await MailNotices.add(manager, {
      partyId: event.payload.holderId,
      kind: MailNoticeKind.STATEMENT_AVAILABLE,
      params: statementAvailableParams(event.payload),
      sourceId: event.eventId,
    });
  });
}
