import { PartyKind, Role } from '#libs/contracts';

/** Why a grant operation was refused; `message` is the sentence the caller reads. */
export enum GrantsErrorCode {
  INVALID_REQUEST = 'INVALID_REQUEST',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  UNAVAILABLE = 'UNAVAILABLE',
}

/** The one exception of the grants module: a code (its HTTP status) and a sentence. */
export class GrantsError extends Error {
  constructor(
    readonly code: GrantsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'GrantsError';
  }
}

/** The kind of party each role is held on; the operator holds its role on none. */
const KIND_OF_ROLE: Record<Role, PartyKind | undefined> = {
  [Role.OPERATOR]: undefined,
  [Role.SOCIETY_ADMIN]: PartyKind.SOCIETY,
  [Role.RIGHT_HOLDER]: PartyKind.RIGHT_HOLDER,
  [Role.PLATFORM]: PartyKind.PLATFORM,
};

const KNOWN_ROLES = new Set<string>(Object.values(Role));

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && KNOWN_ROLES.has(value);
}

/**
 * Why an account cannot hold `role` on this party, or undefined when it can: a RIGHT_HOLDER on
 * a right holder, a SOCIETY_ADMIN on a society, PLATFORM staff on a platform, the OPERATOR on
 * no party at all.
 */
export function grantProblem(
  role: string,
  party: { id: string; kind: string } | undefined,
): string | undefined {
  if (!isRole(role)) {
    return `role must be one of ${Object.values(Role).join(', ')}`;
  }
  const kind = KIND_OF_ROLE[role];
  if (kind === undefined) {
    return party ? 'the OPERATOR role is held on no party' : undefined;
  }
  if (!party) return `the ${role} role needs a party of kind ${kind}`;
  if (party.kind !== String(kind)) {
    return `the ${role} role is held on a ${kind} party, and ${party.id} is a ${party.kind}`;
  }
  return undefined;
}

/** One grant as the rules see it. */
export interface GrantFacts {
  accountId: string;
  role: Role;
  partyId: string | null;
}

/** Who asks: the account, and the grant it acts as (none for a token without a role). */
export interface GrantCaller {
  accountId: string;
  role?: Role;
  party?: string;
}

/**
 * Whether the caller may take this grant away: the holder its own, the operator any, a society
 * admin those on its society and on the parties of its members (`memberOfCallersSociety`,
 * asked of the registry by the caller). Anyone else may not even know the grant exists.
 */
export function mayRevoke(
  caller: GrantCaller,
  grant: GrantFacts,
  memberOfCallersSociety: boolean,
): boolean {
  if (grant.accountId === caller.accountId) return true;
  if (caller.role === Role.OPERATOR) return true;
  if (caller.role !== Role.SOCIETY_ADMIN || !caller.party) return false;
  if (grant.partyId === caller.party) return true;
  return grant.role === Role.RIGHT_HOLDER && memberOfCallersSociety;
}

/**
 * Which grant a person's new token acts as: the one chosen for the sign-in (at the "act as"
 * step or by token exchange) while it is still held, none when it was taken back since (never
 * silently another); without a choice the only one held, else none (a token without a role,
 * for the person's own `/v1/me` routes only).
 */
export function actingGrant<T extends { id: string }>(
  held: readonly T[],
  chosenId: string | undefined,
): T | undefined {
  if (chosenId !== undefined) return held.find((grant) => grant.id === chosenId);
  return held.length === 1 ? held[0] : undefined;
}

/** The claims of a token acting as the grant: its role, and its party (none for the operator). */
export function grantClaims(grant: { role: Role; partyId: string | null }): {
  role: Role;
  party?: string;
} {
  return grant.partyId ? { role: grant.role, party: grant.partyId } : { role: grant.role };
}
