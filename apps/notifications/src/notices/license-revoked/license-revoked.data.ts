import type { LicenseRevokedV1 } from '#libs/contracts';

/** What the notices know of a revoked license besides its event (read models, registry view). */
export interface RevokedLicenseContext {
  /** When the event happened: the revocation's time when the event does not carry it. */
  occurredAt: string;
  /** From `license.granted`, when the event lacks the license's terms. */
  license?: {
    workId: string | null;
    useType: string;
    territory: string;
    validFrom: string;
    validTo: string;
  };
  /** From `optout.registered`, when the event lacks the holder or the effective time. */
  optOut?: { holderId: string; effectiveFrom: string };
  workTitle?: string;
  holderName?: string;
}

/** The ids a revocation names, from its event or else the read models. */
export function revokedLicenseRefs(
  event: LicenseRevokedV1,
  context: Pick<RevokedLicenseContext, 'license' | 'optOut'>,
): { workId: string | null; holderId: string | null } {
  return {
    workId: event.workId !== undefined ? event.workId : (context.license?.workId ?? null),
    holderId: event.holderId ?? context.optOut?.holderId ?? null,
  };
}

/**
 * The `data` of a `license.revoked` webhook: the license, when its coverage ends
 * (`revokedFrom`, from the opt-out's effective time when one caused it, also given as
 * `optOutEffectiveFrom`) and when it was revoked (`revokedAt`), why, the work and the holder to
 * contact. Fields the event lacks come from the read models; what
 * nobody knows is null.
 */
export function licenseRevokedData(
  event: LicenseRevokedV1,
  context: RevokedLicenseContext,
): Record<string, unknown> {
  const { workId, holderId } = revokedLicenseRefs(event, context);
  return {
    licenseId: event.licenseId,
    revokedFrom: event.revokedFrom,
    revokedAt: event.revokedAt ?? context.occurredAt,
    reason: event.reason,
    optOutId: event.optOutId ?? null,
    optOutEffectiveFrom: event.optOutEffectiveFrom ?? context.optOut?.effectiveFrom ?? null,
    work: workId ? { id: workId, title: context.workTitle ?? null } : null,
    useType: event.useType ?? context.license?.useType ?? null,
    territory: event.territory ?? context.license?.territory ?? null,
    validFrom: event.validFrom ?? context.license?.validFrom ?? null,
    validTo: event.validTo ?? context.license?.validTo ?? null,
    holder: holderId ? { id: holderId, name: context.holderName ?? null } : null,
  };
}
