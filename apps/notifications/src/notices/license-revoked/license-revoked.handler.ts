import { LicenseRevoked } from '#libs/contracts';
import { handlerFor, type EventHandler } from '#libs/messaging';
import { sendToOwner, type NoticeContext } from '../application/notice-context.js';
import { licenseRevokedData, revokedLicenseRefs } from './license-revoked.data.js';

/** `authorization.license.revoked` -> `license.revoked` to the license's platform. */
export function licenseRevokedHandler(context: NoticeContext): EventHandler {
  return handlerFor(LicenseRevoked, async (event, manager) => {
    const payload = event.payload;
    const license = await context.facts.license(manager, payload.licenseId);
    const optOut = payload.optOutId
      ? await context.facts.optOut(manager, payload.optOutId)
      : undefined;
    const refs = revokedLicenseRefs(payload, { license, optOut });
    const workTitle = refs.workId
      ? await context.registry.workTitle(refs.workId, manager)
      : undefined;
    const holder = refs.holderId ? await context.registry.party(refs.holderId, manager) : undefined;
    await sendToOwner(context, manager, {
      ownerPartyId: payload.platformId,
      eventType: 'license.revoked',
      orderingKey: payload.licenseId,
      sourceEventId: event.eventId,
      occurredAt: new Date(event.occurredAt),
      data: licenseRevokedData(payload, {
        occurredAt: event.occurredAt,
        license,
        optOut,
        workTitle,
        holderName: holder?.name,
      }),
    });
  });
}
