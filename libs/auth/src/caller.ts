import { Role } from '#libs/contracts';

/** Who is calling: a party acting in a role. Anonymous callers are `null`. */
export interface Caller {
  role: Role;
  /** The caller's party (for a society admin: the society). */
  partyId: string;
}

export const ROLES: readonly Role[] = Object.values(Role);
