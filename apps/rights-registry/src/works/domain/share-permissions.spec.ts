import { describe, expect, it } from '@jest/globals';
import { Role } from '#libs/contracts';
import { mayChangeShares } from './share-permissions.js';

describe(mayChangeShares.name, () => {
  const holders = new Set(['holder-a']);
  const societies = new Set(['society-x']);

  it.each([
    [Role.OPERATOR, 'anyone', true],
    [Role.RIGHT_HOLDER, 'holder-a', true],
    [Role.RIGHT_HOLDER, 'holder-b', false],
    [Role.SOCIETY_ADMIN, 'society-x', true],
    [Role.SOCIETY_ADMIN, 'society-y', false],
    [Role.PLATFORM, 'holder-a', false],
  ])('should let %s %s change the shares: %p', (role, partyId, allowed) => {
    expect(mayChangeShares({ role, partyId }, holders, societies)).toBe(allowed);
  });
});
