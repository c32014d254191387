import { describe, expect, it } from '@jest/globals';
import { PartyKind, Role } from '#libs/contracts';
import { callerProblem } from './caller.js';

describe(callerProblem.name, () => {
  const partyId = '5f0c7a52-1c1e-4c39-9d8e-4f7c2b0a9e11';
  const scenarios: [Role, PartyKind | undefined, 'acts' | RegExp][] = [
    [Role.OPERATOR, undefined, 'acts'],
    [Role.OPERATOR, PartyKind.PLATFORM, 'acts'],
    [Role.RIGHT_HOLDER, PartyKind.RIGHT_HOLDER, 'acts'],
    [Role.SOCIETY_ADMIN, PartyKind.SOCIETY, 'acts'],
    [Role.PLATFORM, PartyKind.PLATFORM, 'acts'],
    [Role.PLATFORM, undefined, /not registered/],
    [Role.RIGHT_HOLDER, undefined, /not registered/],
    [Role.SOCIETY_ADMIN, undefined, /not registered/],
    [Role.PLATFORM, PartyKind.RIGHT_HOLDER, /RIGHT_HOLDER cannot act as PLATFORM/],
    [Role.SOCIETY_ADMIN, PartyKind.RIGHT_HOLDER, /cannot act as SOCIETY_ADMIN/],
    [Role.RIGHT_HOLDER, PartyKind.SOCIETY, /cannot act as RIGHT_HOLDER/],
    [Role.SOCIETY_ADMIN, PartyKind.PLATFORM, /cannot act as SOCIETY_ADMIN/],
  ];

  it.each(scenarios)('should decide a %s token of a %s party', (role, kind, expected) => {
    const problem = callerProblem({ role, partyId }, kind);
    if (expected === 'acts') expect(problem).toBeUndefined();
    else expect(problem).toMatch(expected);
  });
});
