import { describe, expect, it } from '@jest/globals';
import { Role } from '#libs/contracts';
import {
  listScope,
  listedHolder,
  mayReadClaim,
  mayReadReserve,
  mayReadStatement,
  mayReadUsageReport,
  mayRunBatch,
  type Caller,
} from './tenancy.js';

const SOCIETY_A = 'society-a';
const SOCIETY_B = 'society-b';
const MEMBER_OF_A = 'member-of-a';
const NON_MEMBER = 'non-member';
const PLATFORM_A = 'platform-a';

const callers: Record<string, Caller | null> = {
  anonymous: null,
  operator: { role: Role.OPERATOR, partyId: 'operator' },
  'admin of A': { role: Role.SOCIETY_ADMIN, partyId: SOCIETY_A },
  'admin of B': { role: Role.SOCIETY_ADMIN, partyId: SOCIETY_B },
  'member of A': { role: Role.RIGHT_HOLDER, partyId: MEMBER_OF_A },
  'non-member': { role: Role.RIGHT_HOLDER, partyId: NON_MEMBER },
  'platform A': { role: Role.PLATFORM, partyId: PLATFORM_A },
  'platform B': { role: Role.PLATFORM, partyId: 'platform-b' },
};

/** Who passes a rule, by caller name, in the order of `callers`. */
const passing = (rule: (caller: Caller | null) => boolean) =>
  Object.entries(callers)
    .filter(([, caller]) => rule(caller))
    .map(([name]) => name);

describe('distribution tenancy', () => {
  it('should let only the operator and the society’s own admin run its batches', () => {
    expect(passing((caller) => mayRunBatch(caller, SOCIETY_A))).toEqual(['operator', 'admin of A']);
  });

  it.each([
    [
      'a member of A in a batch of A',
      { batchSocietyId: SOCIETY_A, holderId: MEMBER_OF_A, holderSocietyIds: [SOCIETY_A] },
      ['operator', 'admin of A', 'member of A'],
    ],
    [
      'a member of A in a batch of B',
      { batchSocietyId: SOCIETY_B, holderId: MEMBER_OF_A, holderSocietyIds: [SOCIETY_A] },
      ['operator', 'admin of A', 'admin of B', 'member of A'],
    ],
    [
      'a non-member in a batch of A',
      { batchSocietyId: SOCIETY_A, holderId: NON_MEMBER, holderSocietyIds: [] },
      ['operator', 'admin of A', 'non-member'],
    ],
  ])('should show the statement of %s to its readers only', (_, statement, readers) => {
    expect(
      passing((caller) => mayReadStatement(caller, { ...statement, batchStatus: 'APPROVED' })),
    ).toEqual(readers);
  });

  it.each([
    ['DRAFT', []],
    ['CALCULATED', ['operator', 'admin of B']],
    ['APPROVED', ['operator', 'admin of A', 'admin of B', 'member of A']],
    ['CLOSED', ['operator', 'admin of A', 'admin of B', 'member of A']],
    ['CANCELLED', []],
  ])(
    'should show a statement of a %s batch to the holder’s side only once approved',
    (batchStatus, readers) => {
      const statement = {
        batchSocietyId: SOCIETY_B,
        batchStatus,
        holderId: MEMBER_OF_A,
        holderSocietyIds: [SOCIETY_A],
      };
      expect(passing((caller) => mayReadStatement(caller, statement))).toEqual(readers);
    },
  );

  it('should list a right holder’s own statements and claims, and nothing of another', () => {
    const holder = callers['member of A']!;
    expect(listedHolder(holder, undefined)).toEqual({ holderId: MEMBER_OF_A, nothing: false });
    expect(listedHolder(holder, NON_MEMBER)).toEqual({ holderId: MEMBER_OF_A, nothing: true });
    expect(listedHolder(callers['admin of A']!, undefined)).toEqual({
      holderId: null,
      nothing: false,
    });
    expect(listScope(holder)).toEqual({
      everything: false,
      ofSociety: null,
      ofHolder: MEMBER_OF_A,
    });
    expect(listScope(callers['platform A']!)).toEqual({
      everything: false,
      ofSociety: null,
      ofHolder: null,
    });
  });

  it.each([
    ['UNCLAIMED', SOCIETY_A, 'UNCLAIMED', [], Object.keys(callers)],
    ['UNIDENTIFIED', SOCIETY_A, 'UNIDENTIFIED', [], Object.keys(callers)],
    ['DISPUTED', SOCIETY_A, MEMBER_OF_A, [SOCIETY_A], Object.keys(callers)],
    ['NO_USAGE', SOCIETY_A, 'NO_USAGE', [], Object.keys(callers)],
    ['NON_MEMBER', SOCIETY_A, NON_MEMBER, [], ['operator', 'admin of A', 'non-member']],
    [
      'NON_MEMBER',
      SOCIETY_B,
      MEMBER_OF_A,
      [SOCIETY_A],
      ['operator', 'admin of A', 'admin of B', 'member of A'],
    ],
  ])(
    'should show a %s reserve of a batch of %s for %s to its readers only',
    (reason, batchSocietyId, holderKey, holderSocietyIds, readers) => {
      expect(
        passing((caller) =>
          mayReadReserve(caller, { reason, holderKey, batchSocietyId, holderSocietyIds }),
        ),
      ).toEqual(readers);
    },
  );

  it.each([
    [
      'a non-member on a reserve of A',
      { holderId: NON_MEMBER, holderSocietyIds: [], batchSocietyId: SOCIETY_A },
      ['operator', 'admin of A', 'non-member'],
    ],
    [
      'a member of A on a reserve of B',
      { holderId: MEMBER_OF_A, holderSocietyIds: [SOCIETY_A], batchSocietyId: SOCIETY_B },
      ['operator', 'admin of A', 'admin of B', 'member of A'],
    ],
  ])('should show the claim of %s to its readers only', (_, claim, readers) => {
    expect(passing((caller) => mayReadClaim(caller, claim))).toEqual(readers);
  });

  it('should show a usage report to its platform and the operator only', () => {
    expect(passing((caller) => mayReadUsageReport(caller, PLATFORM_A))).toEqual([
      'operator',
      'platform A',
    ]);
  });
});
