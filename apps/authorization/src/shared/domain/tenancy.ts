import { Role } from '#libs/contracts';

/**
 * Who may see and change what in authorization (ADR 16). Each rule is stated once here; a read
 * or a change of something the caller may not see is refused as NOT_FOUND, the same answer as
 * for an id that does not exist.
 */

/** A caller as the rules see it: a party acting in a role. */
export interface Caller {
  role: Role;
  partyId: string;
}

/** A use request: the platform that made it, and the operator. */
export function mayReadUseRequest(caller: Caller, request: { platformId: string }): boolean {
  return (
    caller.role === Role.OPERATOR ||
    (caller.role === Role.PLATFORM && caller.partyId === request.platformId)
  );
}

/** A license: its platform, the admin of the society whose scheme granted it, the operator. */
export function mayReadLicense(
  caller: Caller,
  license: { platformId: string; societyId: string },
): boolean {
  return (
    mayReadUseRequest(caller, license) ||
    (caller.role === Role.SOCIETY_ADMIN && caller.partyId === license.societyId)
  );
}

/** A society's schemes: managed by the operator, or that society's admin. */
export function mayManageScheme(caller: Caller, societyId: string): boolean {
  return (
    caller.role === Role.OPERATOR ||
    (caller.role === Role.SOCIETY_ADMIN && caller.partyId === societyId)
  );
}

/** A platform's API keys: the platform itself, and the operator. */
export function mayManageApiKeysOf(caller: Caller, platformId: string): boolean {
  return mayReadUseRequest(caller, { platformId });
}
