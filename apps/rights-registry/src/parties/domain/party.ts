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
