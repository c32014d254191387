import { describe, expect, it } from '@jest/globals';
import { Role } from '#libs/contracts';
import { disputeVisibility } from './dispute-visibility.js';

describe(disputeVisibility.name, () => {
  it.each([
    ['the operator', Role.OPERATOR, { kind: 'all' }],
    ['a platform', Role.PLATFORM, { kind: 'none' }],
    ['a right holder', Role.RIGHT_HOLDER, { kind: 'involving', partyId: 'P', withMembers: false }],
    ['a society admin', Role.SOCIETY_ADMIN, { kind: 'involving', partyId: 'P', withMembers: true }],
  ])('should show %s the disputes it may list', (_, role, expected) => {
    expect(disputeVisibility({ role, partyId: 'P' })).toEqual(expected);
  });
});
