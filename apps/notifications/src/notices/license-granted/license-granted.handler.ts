import { LicenseGranted } from '#libs/contracts';
import { handlerFor, type EventHandler } from '#libs/messaging';
import { sendToOwner, type NoticeContext } from '../application/notice-context.js';
import { isGrantAfterPending, licenseGrantedData } from './license-granted.data.js';

/**
 * `authorization.license.granted`: remembered for a later revocation, and `license.granted`
 * to the platform when the item had been answered PENDING.
 */
export function licenseGrantedHandler(context: NoticeContext): EventHandler {
  return handlerFor(LicenseGranted, async (event, manager) => {
    const payload = event.payload;
    await context.facts.recordLicense(manager, payload.licenseId, {
      platformId: payload.platformId,
      workId: payload.workId,
      useType: payload.useType,
      territory: payload.territory,
      validFrom: payload.validFrom,
      validTo: payload.validTo,
    });
    if (!isGrantAfterPending(payload)) return;
    const workTitle = payload.workId
      ? await context.registry.workTitle(payload.workId, manager)
      : undefined;
    await sendToOwner(context, manager, {
      ownerPartyId: payload.platformId,
      eventType: 'license.granted',
      orderingKey: payload.licenseId,
      sourceEventId: event.eventId,
      occurredAt: new Date(event.occurredAt),
      data: licenseGrantedData(payload, workTitle),
    });
  });
}
