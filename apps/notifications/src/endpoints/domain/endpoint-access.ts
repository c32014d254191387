import { PartyKind, Role } from '#libs/contracts';

/** A caller as the rules see it: a party acting in a role (anonymous callers are null). */
export interface EndpointCaller {
  role: Role;
  partyId: string;
}

/**
 * Who may see and manage a webhook endpoint (ADR 39), stated once: the operator any; a
 * platform's staff (PLATFORM) and a society's admin (SOCIETY_ADMIN) their own party's; nobody
 * else. What a caller may not manage does not exist for it (NOT_FOUND), deliveries included.
 * `endpointListScope` is the same rule for lists, applied in SQL by the repository.
 */
export function mayManageEndpoint(caller: EndpointCaller | null, ownerPartyId: string): boolean {
  switch (caller?.role) {
    case Role.OPERATOR:
      return true;
    case Role.PLATFORM:
    case Role.SOCIETY_ADMIN:
      return caller.partyId === ownerPartyId;
    default:
      return false;
  }
}

/** Whether the caller's role manages endpoints at all (a right holder's does not). */
export function managesEndpoints(caller: EndpointCaller | null): boolean {
  return (
    caller?.role === Role.OPERATOR ||
    caller?.role === Role.PLATFORM ||
    caller?.role === Role.SOCIETY_ADMIN
  );
}

/**
 * The endpoints a list shows: `{ owner }` one owner's (null: every owner's, for the operator
 * naming none), or nothing. Others than the operator list their own party's; naming another
 * owner lists nothing, as if it had none.
 */
export type EndpointListScope = { owner: string | null } | { nothing: true };

export function endpointListScope(
  caller: EndpointCaller | null,
  ownerId?: string | null,
): EndpointListScope {
  if (!caller || !managesEndpoints(caller)) return { nothing: true };
  if (caller.role === Role.OPERATOR) return { owner: ownerId ?? null };
  const owner = ownerId ?? caller.partyId;
  return mayManageEndpoint(caller, owner) ? { owner } : { nothing: true };
}

/** Why an endpoint cannot be made for the owner asked, as its sentence and code. */
export type NewEndpointOwner =
  { owner: string } | { refused: 'BAD_USER_INPUT' | 'FORBIDDEN'; message: string };

/**
 * The party a new endpoint belongs to: the operator names it (`ownerId`); staff make endpoints
 * for their own party only (naming it is allowed, naming another is FORBIDDEN).
 */
export function newEndpointOwner(
  caller: EndpointCaller,
  ownerId: string | null | undefined,
): NewEndpointOwner {
  if (caller.role === Role.OPERATOR) {
    return ownerId
      ? { owner: ownerId }
      : { refused: 'BAD_USER_INPUT', message: 'ownerId: the operator names the endpoint’s owner' };
  }
  if (!managesEndpoints(caller)) {
    return { refused: 'FORBIDDEN', message: `a ${caller.role} does not manage webhook endpoints` };
  }
  if (ownerId && ownerId !== caller.partyId) {
    return {
      refused: 'FORBIDDEN',
      message: 'an endpoint can only be made for the caller’s own party',
    };
  }
  return { owner: caller.partyId };
}

/** The kinds of party that own endpoints. */
export const OWNER_KINDS: readonly PartyKind[] = [PartyKind.PLATFORM, PartyKind.SOCIETY];

/** The kind of party whose event types a caller may ask for (the operator: every kind's). */
export function ownerKindOf(caller: EndpointCaller): PartyKind | 'ALL' | null {
  switch (caller.role) {
    case Role.OPERATOR:
      return 'ALL';
    case Role.PLATFORM:
      return PartyKind.PLATFORM;
    case Role.SOCIETY_ADMIN:
      return PartyKind.SOCIETY;
    default:
      return null;
  }
}
