import { describe, expect, it } from '@jest/globals';
import { Role } from '#libs/contracts';
import {
  claimantOf,
  disputeActions,
  disputeLimitRefusal,
  mayAnswerDispute,
  maySettleDispute,
  mayWithdrawDispute,
  type DisputeSides,
} from './dispute-permissions.js';

/**
 * Society A's admin registered the ISRC of V (a member of society B) for A's own member M:
 * the holders' side is V and B, the claimant's side M and A. Society X has members on both sides.
 */
const sides: DisputeSides = {
  holders: new Set(['V']),
  holderSocieties: new Set(['B', 'X']),
  claimants: new Set(['M', 'A']),
  claimantSocieties: new Set(['A', 'X']),
};

describe('dispute permissions', () => {
  it.each([
    // caller                                              settle  withdraw answer
    ['the operator', Role.OPERATOR, 'O', true, true, false],
    ["the holders' society admin", Role.SOCIETY_ADMIN, 'B', true, false, true],
    ["the claimant's society admin, who opened it", Role.SOCIETY_ADMIN, 'A', false, true, false],
    ['the admin of a society on both sides', Role.SOCIETY_ADMIN, 'X', false, true, false],
    ['an unrelated society admin', Role.SOCIETY_ADMIN, 'U', false, false, false],
    ['the current holder', Role.RIGHT_HOLDER, 'V', false, false, true],
    ['the claimant', Role.RIGHT_HOLDER, 'M', false, true, false],
    ['an unrelated right holder', Role.RIGHT_HOLDER, 'R', false, false, false],
    ['a platform', Role.PLATFORM, 'P', false, false, false],
  ])(
    'should let %s settle: %s, withdraw: %s, answer: %s',
    (_, role, partyId, settle, withdraw, answer) => {
      const caller = { role, partyId };
      expect([
        maySettleDispute(caller, sides),
        mayWithdrawDispute(caller, sides),
        mayAnswerDispute(caller, sides),
      ]).toEqual([settle, withdraw, answer]);
    },
  );

  it('should leave a dispute between non-members to the operator alone', () => {
    const loners: DisputeSides = {
      holders: new Set(['V']),
      holderSocieties: new Set(),
      claimants: new Set(['M']),
      claimantSocieties: new Set(),
    };
    expect(maySettleDispute({ role: Role.SOCIETY_ADMIN, partyId: 'B' }, loners)).toBe(false);
    expect(maySettleDispute({ role: Role.OPERATOR, partyId: 'O' }, loners)).toBe(true);
  });
});

describe(disputeActions.name, () => {
  it('should offer what the rules allow while the dispute is open, and nothing once it is closed', () => {
    const holder = { role: Role.RIGHT_HOLDER, partyId: 'V' };
    const claimant = { role: Role.RIGHT_HOLDER, partyId: 'M' };
    expect(disputeActions(holder, sides, true)).toEqual({ answer: true, withdraw: false });
    expect(disputeActions(claimant, sides, true)).toEqual({ answer: false, withdraw: true });
    expect(disputeActions(holder, sides, false)).toEqual({ answer: false, withdraw: false });
    expect(disputeActions(claimant, sides, false)).toEqual({ answer: false, withdraw: false });
  });
});

describe(claimantOf.name, () => {
  it('should name the caller when it claims for itself, else the first holder it claims for', () => {
    expect(claimantOf({ role: Role.RIGHT_HOLDER, partyId: 'M' }, ['N', 'M'])).toBe('M');
    expect(claimantOf({ role: Role.SOCIETY_ADMIN, partyId: 'A' }, ['N', 'M'])).toBe('N');
  });
});

describe(disputeLimitRefusal.name, () => {
  it('should refuse from the limit on, except for the operator', () => {
    const admin = { role: Role.SOCIETY_ADMIN, partyId: 'A' };
    expect(disputeLimitRefusal(admin, 4, 5)).toBeUndefined();
    expect(disputeLimitRefusal(admin, 5, 5)).toBe(
      'at most 5 disputes may be opened in 24 hours by or for one party, and 5 were; ask the operator to register this claim',
    );
    expect(disputeLimitRefusal({ role: Role.OPERATOR, partyId: 'O' }, 50, 5)).toBeUndefined();
  });
});
