import { Role } from '#libs/contracts';
import type { EndpointCaller } from './endpoint-access.js';

/** Parties of the scenarios: two platforms, a society, a right holder. */
export const PARTIES = {
  platformA: '00000000-0000-4000-8000-00000000000a',
  platformB: '00000000-0000-4000-8000-00000000000b',
  society: '00000000-0000-4000-8000-00000000000c',
  holder: '00000000-0000-4000-8000-00000000000d',
} as const;

export type Owner = 'platformA' | 'platformB' | 'society';

/**
 * Who manages whose endpoints, one row per caller: the owners whose endpoints it sees. The
 * rule (mayManageEndpoint) and its SQL twin (the repository's list) are both checked on it.
 */
export const ACCESS_SCENARIOS: { name: string; caller: EndpointCaller; sees: Owner[] }[] = [
  {
    name: 'the operator',
    caller: { role: Role.OPERATOR, partyId: '00000000-0000-4000-8000-0000000000ff' },
    sees: ['platformA', 'platformB', 'society'],
  },
  {
    name: "platform A's staff",
    caller: { role: Role.PLATFORM, partyId: PARTIES.platformA },
    sees: ['platformA'],
  },
  {
    name: "platform B's staff",
    caller: { role: Role.PLATFORM, partyId: PARTIES.platformB },
    sees: ['platformB'],
  },
  {
    name: "the society's admin",
    caller: { role: Role.SOCIETY_ADMIN, partyId: PARTIES.society },
    sees: ['society'],
  },
  {
    name: 'a right holder',
    caller: { role: Role.RIGHT_HOLDER, partyId: PARTIES.holder },
    sees: [],
  },
];
