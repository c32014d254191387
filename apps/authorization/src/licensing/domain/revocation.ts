import { type HoldersAt, type OptOutTerms, type UseType, optOutsInForce } from '#libs/contracts';
import { startOf } from './decision.js';

export interface ActiveLicense {
  workId: string | null;
  useType: UseType;
  /** [validFrom, validTo), calendar days. */
  validFrom: string;
  validTo: string;
}

/**
 * From which instant an opt-out takes a license's work out of the scheme, or null when it
 * does not touch the license: from its effective time (or the license's start, if later),
 * when the opt-out's holder holds a share then and the opt-out covers the work and use type.
 */
export function revocationFrom(
  optOut: OptOutTerms,
  license: ActiveLicense,
  holdersAt: HoldersAt,
): Date | null {
  if (!license.workId) return null;
  const start = startOf(license.validFrom);
  const end = startOf(license.validTo);
  const from = optOut.effectiveFrom > start ? optOut.effectiveFrom : start;
  if (from >= end) return null;
  const inForce = optOutsInForce(license.workId, holdersAt, [optOut], from, license.useType);
  return inForce.length ? from : null;
}

/** Words the platform reads on a revoked license. */
export function revocationReason(optOut: OptOutTerms, from: Date): string {
  return `opted out of extended collective licensing by holder ${optOut.holderId} (opt-out ${optOut.id}); not licensed from ${from.toISOString()}: ask the holder for a direct license`;
}
