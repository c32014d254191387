import { Role } from '#libs/contracts';
import type { ThrottlePolicy } from '../../accounts/domain/throttle.js';
import type { GrantCaller } from '../../grants/domain/grant-rules.js';

/** How long an invitation's link works. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 3600_000;

/**
 * Fifty invitations sent by one inviter within an hour hold its invitations for an hour: no
 * one sends the clearinghouse's mail in bulk. (Each invited address has the accounts' own mail
 * limit besides.)
 */
export const INVITER_THROTTLE: ThrottlePolicy = {
  maxFailures: 50,
  windowMs: 60 * 60_000,
  lockMs: 60 * 60_000,
};

/**
 * Why the caller may not invite someone to `role` on `partyId`, or undefined when it may: the
 * operator invites anyone (society admins and platform staff in particular); a society's admin
 * invites admins of its society and right holders of its members' parties
 * (`memberOfCallersSociety`, as the registry tells the admin); platform staff invite staff of
 * their platform. Nobody else invites.
 */
export function invitationProblem(
  caller: GrantCaller,
  role: Role,
  partyId: string | undefined,
  memberOfCallersSociety: boolean,
): string | undefined {
  switch (caller.role) {
    case Role.OPERATOR:
      return undefined;
    case Role.SOCIETY_ADMIN:
      if (role === Role.SOCIETY_ADMIN && partyId === caller.party) return undefined;
      if (role === Role.RIGHT_HOLDER && memberOfCallersSociety) return undefined;
      return "a society's admin invites admins of its society and right holders of its members";
    case Role.PLATFORM:
      if (role === Role.PLATFORM && partyId === caller.party) return undefined;
      return 'platform staff invite staff of their own platform';
    default:
      return 'only the operator, society admins and platform staff invite; act as one of those grants';
  }
}

/** Whether `invitationProblem` needs the registry's membership answer (else pass false). */
export function needsMembership(caller: GrantCaller, role: Role): boolean {
  return caller.role === Role.SOCIETY_ADMIN && role === Role.RIGHT_HOLDER && !!caller.party;
}
