import { describe, expect, it } from '@jest/globals';
import { Role } from '#libs/contracts';
import {
  mayManageApiKeysOf,
  mayManageScheme,
  mayReadLicense,
  mayReadUseRequest,
  type Caller,
} from './tenancy.js';

const callers: Record<string, Caller> = {
  operator: { role: Role.OPERATOR, partyId: 'operator' },
  'admin of A': { role: Role.SOCIETY_ADMIN, partyId: 'society-a' },
  'admin of B': { role: Role.SOCIETY_ADMIN, partyId: 'society-b' },
  holder: { role: Role.RIGHT_HOLDER, partyId: 'holder' },
  'platform A': { role: Role.PLATFORM, partyId: 'platform-a' },
  'platform B': { role: Role.PLATFORM, partyId: 'platform-b' },
};

/** Who passes a rule, by caller name, in the order of `callers`. */
const passing = (rule: (caller: Caller) => boolean) =>
  Object.entries(callers)
    .filter(([, caller]) => rule(caller))
    .map(([name]) => name);

describe('authorization tenancy', () => {
  it.each([
    [
      'a use request of platform A',
      (caller: Caller) => mayReadUseRequest(caller, { platformId: 'platform-a' }),
      ['operator', 'platform A'],
    ],
    [
      'a license of platform A under a scheme of A',
      (caller: Caller) =>
        mayReadLicense(caller, { platformId: 'platform-a', societyId: 'society-a' }),
      ['operator', 'admin of A', 'platform A'],
    ],
    [
      'the schemes of society A',
      (caller: Caller) => mayManageScheme(caller, 'society-a'),
      ['operator', 'admin of A'],
    ],
    [
      'the API keys of platform A',
      (caller: Caller) => mayManageApiKeysOf(caller, 'platform-a'),
      ['operator', 'platform A'],
    ],
  ])('should give %s to its own parties only', (_, rule, allowed) => {
    expect(passing(rule)).toEqual(allowed);
  });
});
