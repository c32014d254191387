import type { LicenseGrantedV1 } from '#libs/contracts';

/** Only a license for an item first answered PENDING is told: the platform is waiting for it. */
export function isGrantAfterPending(event: LicenseGrantedV1): boolean {
  return event.previouslyPending === true;
}

/** The `data` of a `license.granted` webhook (an item that was PENDING, now granted). */
export function licenseGrantedData(
  event: LicenseGrantedV1,
  workTitle: string | undefined,
): Record<string, unknown> {
  return {
    licenseId: event.licenseId,
    useRequestId: event.useRequestId,
    decision: event.decision,
    work: event.workId ? { id: event.workId, title: workTitle ?? null } : null,
    unidentifiedReference: event.unidentifiedReference ?? null,
    category: event.category,
    useType: event.useType,
    territory: event.territory,
    validFrom: event.validFrom,
    validTo: event.validTo,
    expectedQuantity: event.expectedQuantity,
    fee: event.fee,
  };
}
