import { Role } from '#libs/contracts';
import type { Caller } from './share-permissions.js';

/**
 * Which disputes a caller may list: every one (the operator), none (a platform), or those that
 * involve a set of parties: the caller itself (a right holder), or the caller and the members of
 * its society today (a society admin). A dispute involves a party when the party holds a share
 * in the work now, claims it (as claimant) or opened it.
 */
export type DisputeVisibility =
  { kind: 'all' } | { kind: 'none' } | { kind: 'involving'; partyId: string; withMembers: boolean };

export function disputeVisibility(caller: Caller): DisputeVisibility {
  switch (caller.role) {
    case Role.OPERATOR:
      return { kind: 'all' };
    case Role.RIGHT_HOLDER:
      return { kind: 'involving', partyId: caller.partyId, withMembers: false };
    case Role.SOCIETY_ADMIN:
      return { kind: 'involving', partyId: caller.partyId, withMembers: true };
    case Role.PLATFORM:
      return { kind: 'none' };
  }
}
