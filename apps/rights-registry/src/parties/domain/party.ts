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
 * Societies of which the holder is, was or will be a member on `date` or later (a period ending
 * on `date` counts too: its end may have been recorded after that day began).
 */
export function societiesSince(memberships: readonly Membership[], date: string): Set<string> {
  return new Set(
    memberships.filter((m) => m.memberTo === null || m.memberTo >= date).map((m) => m.societyId),
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

/** What recording a membership period asks for. */
export type MembershipDecision =
  /** Record the period now (party.membership-changed). */
  | { kind: 'record' }
  /** Offer it to the holder, who accepts or declines; nothing changes until then. */
  | { kind: 'offer' }
  /** The period is already recorded as asked. */
  | { kind: 'unchanged' };

/** `date` (YYYY-MM-DD) moved by `days`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Why a membership may not start on `memberFrom`, or undefined when it may: no one back-dates a
 * membership but the operator, and the operator by at most `backdateDays` days.
 */
export function membershipStartProblem(
  caller: { role: Role },
  memberFrom: string,
  today: string,
  backdateDays: number,
): string | undefined {
  if (caller.role !== Role.OPERATOR)
    return memberFrom < today ? `memberFrom may not be before today (${today})` : undefined;
  const earliest = addDays(today, -backdateDays);
  return memberFrom < earliest
    ? `memberFrom may be back-dated by at most ${backdateDays} days (to ${earliest})`
    : undefined;
}

/**
 * The first day of `next` on which the holder is a member of another society, if any: a holder
 * belongs to one society at a time, over the whole period [memberFrom, memberTo).
 */
export function firstDayElsewhere(
  existing: readonly Membership[],
  next: Membership,
): string | undefined {
  const end = (m: Membership) => m.memberTo ?? '9999-12-31';
  const days = existing
    .filter(
      (m) => m.societyId !== next.societyId && m.memberFrom < end(next) && next.memberFrom < end(m),
    )
    .map((m) => (m.memberFrom > next.memberFrom ? m.memberFrom : next.memberFrom))
    .sort();
  return days[0];
}

/**
 * What a change of membership by the operator or a society's admin means. Changing the end of a
 * recorded period: the operator freely; the society's admin may end or shorten it (not before
 * today) without the holder's consent, never lengthen it. Starting a period: never back-dated
 * (the operator within its limit), never overlapping a period of another society (nor may the
 * operator lengthen one into it); the operator records it, a society's admin only offers it to
 * the holder. Throws PartyError.
 */
export function decideMembershipChange(
  caller: { role: Role },
  existing: readonly Membership[],
  next: Membership,
  today: string,
  backdateDays: number,
): MembershipDecision {
  const problem = membershipProblem(existing, next);
  if (problem) throw new PartyError(PartyErrorCode.INVALID_PARTY, problem);
  const same = existing.find(
    (m) => m.societyId === next.societyId && m.memberFrom === next.memberFrom,
  );
  if (same) {
    if (same.memberTo === next.memberTo) return { kind: 'unchanged' };
    const shorter =
      next.memberTo !== null && (same.memberTo === null || next.memberTo < same.memberTo);
    if (caller.role === Role.OPERATOR) {
      if (!shorter) checkOneSociety(existing, next);
      return { kind: 'record' };
    }
    if (!shorter) {
      throw new PartyError(
        PartyErrorCode.NOT_ALLOWED,
        "a society admin may end or shorten a membership; a longer one needs the holder's consent: offer a new period starting when this one ends",
      );
    }
    if (next.memberTo! < today) {
      throw new PartyError(
        PartyErrorCode.INVALID_PARTY,
        `memberTo may not be before today (${today})`,
      );
    }
    return { kind: 'record' };
  }
  checkMembershipStart(
    existing,
    next,
    membershipStartProblem(caller, next.memberFrom, today, backdateDays),
  );
  return caller.role === Role.OPERATOR ? { kind: 'record' } : { kind: 'offer' };
}

/**
 * The period an accepted offer records: from the offered day, or from today when accepted later;
 * checked again against the holder's memberships as they are now. Throws PartyError.
 */
export function acceptedMembership(
  existing: readonly Membership[],
  offer: Membership,
  today: string,
): Membership {
  const memberFrom = offer.memberFrom < today ? today : offer.memberFrom;
  if (offer.memberTo !== null && offer.memberTo <= memberFrom) {
    throw new PartyError(PartyErrorCode.OFFER_CLOSED, 'the offered membership has already ended');
  }
  const next = { societyId: offer.societyId, memberFrom, memberTo: offer.memberTo };
  const problem = membershipProblem(existing, next);
  if (problem) throw new PartyError(PartyErrorCode.INVALID_PARTY, problem);
  checkMembershipStart(existing, next, undefined);
  return next;
}

function checkMembershipStart(
  existing: readonly Membership[],
  next: Membership,
  startProblem: string | undefined,
): void {
  if (startProblem) throw new PartyError(PartyErrorCode.INVALID_PARTY, startProblem);
  checkOneSociety(existing, next);
}

/** Refuses a period during which the holder would belong to another society too. */
function checkOneSociety(existing: readonly Membership[], next: Membership): void {
  const day = firstDayElsewhere(existing, next);
  // The other society is not named: which society a holder belongs to is not the caller's.
  if (day) {
    throw new PartyError(
      PartyErrorCode.MEMBER_ELSEWHERE,
      `the holder is a member of another society on ${day}; it must leave that society first`,
    );
  }
}
