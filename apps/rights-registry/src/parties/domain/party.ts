import { PartyKind, Role, parseIpiNameNumber } from '#libs/contracts';
import { PartyError, PartyErrorCode } from './party.errors.js';

export interface PartyRegistration {
  kind: PartyKind;
  name: string;
  ipiNameNumber?: string | null;
  country?: string | null;
  memberOfSocietyId?: string | null;
}

export interface Membership {
  societyId: string;
  /** YYYY-MM-DD, inclusive. */
  memberFrom: string;
  /** YYYY-MM-DD, exclusive; null while it lasts. */
  memberTo: string | null;
}

/**
 * A registration checked and put in stored form: trimmed name, IPI name number validated
 * (check digits), country upper case. Membership only for right holders.
 */
export function validateRegistration(input: PartyRegistration): Required<PartyRegistration> {
  const name = input.name.normalize('NFC').trim();
  if (!name) throw new PartyError(PartyErrorCode.INVALID_PARTY, 'name must not be empty');
  let ipiNameNumber: string | null = null;
  if (input.ipiNameNumber) {
    if (input.kind !== PartyKind.RIGHT_HOLDER) {
      throw new PartyError(
        PartyErrorCode.INVALID_PARTY,
        'only right holders have an IPI name number',
      );
    }
    const parsed = parseIpiNameNumber(input.ipiNameNumber);
    if (!parsed.valid)
      throw new PartyError(PartyErrorCode.INVALID_PARTY, `ipiNameNumber: ${parsed.reason}`);
    ipiNameNumber = parsed.value;
  }
  const country = input.country ? input.country.trim().toUpperCase() : null;
  if (country !== null && !/^[A-Z]{2}$/.test(country)) {
    throw new PartyError(
      PartyErrorCode.INVALID_PARTY,
      'country must be an ISO 3166-1 alpha-2 code',
    );
  }
  if (input.memberOfSocietyId && input.kind !== PartyKind.RIGHT_HOLDER) {
    throw new PartyError(
      PartyErrorCode.INVALID_PARTY,
      'only right holders are members of a society',
    );
  }
  return {
    kind: input.kind,
    name,
    ipiNameNumber,
    country,
    memberOfSocietyId: input.memberOfSocietyId ?? null,
  };
}

/**
 * The refusal of an IPI name number held by another party. It names neither that party nor its
 * id: an IPI name number must not tell who holds it.
 */
export const duplicateIpi = (ipiNameNumber: string) =>
  `IPI name number ${ipiNameNumber} is already registered to another party`;

/**
 * Who may register a party: the operator any party; a society's admin right holders joining
 * its own society.
 */
export function mayRegister(
  caller: { role: Role; partyId: string },
  registration: PartyRegistration,
): boolean {
  if (caller.role === Role.OPERATOR) return true;
  return (
    caller.role === Role.SOCIETY_ADMIN &&
    registration.kind === PartyKind.RIGHT_HOLDER &&
    registration.memberOfSocietyId === caller.partyId
  );
}

/** Whether a membership covers `date` (YYYY-MM-DD). */
export function isMemberOn(memberships: readonly Membership[], date: string): boolean {
  return memberships.some(
    (m) => m.memberFrom <= date && (m.memberTo === null || date < m.memberTo),
  );
}

/**
 * Why a membership period cannot be recorded: it must end after it starts, and must not overlap
 * another period of the same society (the period starting on the same day is the one being
 * changed).
 */
export function membershipProblem(
  existing: readonly Membership[],
  next: Membership,
): string | undefined {
  if (next.memberTo !== null && next.memberTo <= next.memberFrom)
    return 'memberTo must be after memberFrom';
  const overlap = existing.find(
    (m) =>
      m.societyId === next.societyId &&
      m.memberFrom !== next.memberFrom &&
      m.memberFrom < (next.memberTo ?? '9999-12-31') &&
      next.memberFrom < (m.memberTo ?? '9999-12-31'),
  );
  return overlap
    ? `overlaps the membership from ${overlap.memberFrom}${overlap.memberTo ? ` to ${overlap.memberTo}` : ''}`
    : undefined;
}

/** The operator manages any membership; a society admin its own society's. */
export function mayManageMembership(
  caller: { role: Role; partyId: string },
  societyId: string,
): boolean {
  return (
    caller.role === Role.OPERATOR ||
    (caller.role === Role.SOCIETY_ADMIN && caller.partyId === societyId)
  );
}

/** The operator updates any party; a society admin its members; any party itself. */
export function mayUpdateParty(
  caller: { role: Role; partyId: string },
  party: { id: string; societyIds: readonly string[] },
): boolean {
  if (caller.role === Role.OPERATOR || caller.partyId === party.id) return true;
  return caller.role === Role.SOCIETY_ADMIN && party.societyIds.includes(caller.partyId);
}
