import { PartyKind, Role } from '#libs/contracts';

/** Who is calling: a party acting in a role. Anonymous callers are `null`. */
export interface Caller {
  role: Role;
  /** The caller's party (for a society admin: the society). */
  partyId: string;
}

export const ROLES: readonly Role[] = Object.values(Role);

/**
 * The kind of party each role acts for. The operator runs the clearinghouse itself and acts
 * for no registered party; every other role is held by a party of exactly one kind.
 */
const KIND_OF_ROLE: Record<Exclude<Role, Role.OPERATOR>, PartyKind> = {
  [Role.RIGHT_HOLDER]: PartyKind.RIGHT_HOLDER,
  [Role.SOCIETY_ADMIN]: PartyKind.SOCIETY,
  [Role.PLATFORM]: PartyKind.PLATFORM,
};

/** The party kind a role needs, or undefined when the role needs no party (the operator). */
export function partyKindFor(role: Role): PartyKind | undefined {
  return role === Role.OPERATOR ? undefined : KIND_OF_ROLE[role];
}

/**
 * Why a verified token still names no caller: its party is unknown, or of a kind that cannot
 * hold its role (a right holder's id with the PLATFORM role). Undefined when it may act.
 */
export function callerProblem(caller: Caller, kind: PartyKind | undefined): string | undefined {
  const needed = partyKindFor(caller.role);
  if (needed === undefined) return undefined;
  if (kind === undefined) return 'the token names a party that is not registered';
  if (kind !== needed) return `a party of kind ${kind} cannot act as ${caller.role}`;
  return undefined;
}
