import { Role } from '#libs/contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Why a client's `role` and `party` (what its client-credentials tokens carry) cannot stand,
 * or undefined when they can: a role is one of the API's, and every role but the operator's
 * acts for a party, named by its id. A client without a role gets tokens that carry none.
 */
export function machineIdentityProblem(role: unknown, party: unknown): string | undefined {
  if (role === undefined) {
    return party === undefined ? undefined : 'a client with a party needs a role';
  }
  if (typeof role !== 'string' || !(Object.values(Role) as string[]).includes(role)) {
    return `role must be one of ${Object.values(Role).join(', ')}`;
  }
  if (role === (Role.OPERATOR as string)) {
    return party === undefined ? undefined : 'an operator client acts for no party';
  }
  if (typeof party !== 'string' || !UUID.test(party)) {
    return `a ${role} client needs the id (a UUID) of the party it acts for`;
  }
  return undefined;
}

/** The claims a client-credentials token of this client carries besides the standard ones. */
export function machineClaims(role: unknown, party: unknown): Record<string, string> {
  return {
    ...(typeof role === 'string' ? { role } : {}),
    ...(typeof party === 'string' ? { party } : {}),
  };
}
