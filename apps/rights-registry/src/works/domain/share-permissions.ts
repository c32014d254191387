import { Role } from '#libs/contracts';

export interface Caller {
  role: Role;
  partyId: string;
}

/**
 * Who may change a work's shares: the operator; a holder with a share in the work now; the
 * admin of a society of which such a holder is a member.
 */
export function mayChangeShares(
  caller: Caller,
  currentHolders: ReadonlySet<string>,
  societiesOfHolders: ReadonlySet<string>,
): boolean {
  switch (caller.role) {
    case Role.OPERATOR:
      return true;
    case Role.RIGHT_HOLDER:
      return currentHolders.has(caller.partyId);
    case Role.SOCIETY_ADMIN:
      return societiesOfHolders.has(caller.partyId);
    case Role.PLATFORM:
      return false;
  }
}
