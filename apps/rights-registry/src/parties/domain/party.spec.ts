import { describe, expect, it } from '@jest/globals';
import { PartyKind, Role } from '#libs/contracts';
import {
  acceptedMembership,
  decideMembershipChange,
  firstDayElsewhere,
  isMemberOn,
  mayManageMembership,
  mayRegister,
  mayUpdateParty,
  membershipProblem,
  societiesSince,
  validateRegistration,
  type Membership,
} from './party.js';
import { PartyError } from './party.errors.js';

describe(validateRegistration.name, () => {
  it('should keep a valid right holder in stored form', () => {
    expect(
      validateRegistration({
        kind: PartyKind.RIGHT_HOLDER,
        name: '  山田 花子 ',
        ipiNameNumber: '000 141 073 38',
        country: 'jp',
      }),
    ).toEqual({
      kind: PartyKind.RIGHT_HOLDER,
      name: '山田 花子',
      ipiNameNumber: '00014107338',
      country: 'JP',
      memberOfSocietyId: null,
    });
  });

  it.each([
    [{ kind: PartyKind.RIGHT_HOLDER, name: ' ' }, 'name must not be empty'],
    [
      { kind: PartyKind.RIGHT_HOLDER, name: 'A', ipiNameNumber: '00014107339' },
      'check digits should be 38',
    ],
    [
      { kind: PartyKind.PLATFORM, name: 'P', ipiNameNumber: '00014107338' },
      'only right holders have an IPI',
    ],
    [{ kind: PartyKind.RIGHT_HOLDER, name: 'A', country: 'Japan' }, 'ISO 3166-1'],
    [
      { kind: PartyKind.PLATFORM, name: 'P', memberOfSocietyId: 's' },
      'only right holders are members',
    ],
  ])('should refuse %j: %s', (input, message) => {
    expect(() => validateRegistration(input)).toThrow(PartyError);
    expect(() => validateRegistration(input)).toThrow(message);
  });
});

describe(mayRegister.name, () => {
  it('should let the operator register anyone and a society admin its own members only', () => {
    const member = { kind: PartyKind.RIGHT_HOLDER, name: 'A', memberOfSocietyId: 'society-1' };
    expect(
      mayRegister({ role: Role.OPERATOR, partyId: 'o' }, { kind: PartyKind.PLATFORM, name: 'P' }),
    ).toBe(true);
    expect(mayRegister({ role: Role.SOCIETY_ADMIN, partyId: 'society-1' }, member)).toBe(true);
    expect(mayRegister({ role: Role.SOCIETY_ADMIN, partyId: 'society-2' }, member)).toBe(false);
    expect(
      mayRegister(
        { role: Role.SOCIETY_ADMIN, partyId: 'society-1' },
        { kind: PartyKind.PLATFORM, name: 'P' },
      ),
    ).toBe(false);
    expect(mayRegister({ role: Role.RIGHT_HOLDER, partyId: 'h' }, member)).toBe(false);
    expect(mayRegister({ role: Role.PLATFORM, partyId: 'p' }, member)).toBe(false);
  });
});

describe(isMemberOn.name, () => {
  const memberships = [{ societyId: 's', memberFrom: '2024-04-01', memberTo: '2026-04-01' }];

  it('should count the first day and not the end day', () => {
    expect(isMemberOn(memberships, '2024-03-31')).toBe(false);
    expect(isMemberOn(memberships, '2024-04-01')).toBe(true);
    expect(isMemberOn(memberships, '2026-03-31')).toBe(true);
    expect(isMemberOn(memberships, '2026-04-01')).toBe(false);
    expect(
      isMemberOn([{ societyId: 's', memberFrom: '2024-04-01', memberTo: null }], '2099-01-01'),
    ).toBe(true);
  });
});

describe(membershipProblem.name, () => {
  const existing = [{ societyId: 's', memberFrom: '2024-04-01', memberTo: '2025-04-01' }];

  it('should accept a later period, another society, and changing the same period', () => {
    expect(
      membershipProblem(existing, { societyId: 's', memberFrom: '2025-04-01', memberTo: null }),
    ).toBeUndefined();
    expect(
      membershipProblem(existing, { societyId: 't', memberFrom: '2024-06-01', memberTo: null }),
    ).toBeUndefined();
    expect(
      membershipProblem(existing, {
        societyId: 's',
        memberFrom: '2024-04-01',
        memberTo: '2024-10-01',
      }),
    ).toBeUndefined();
  });

  it('should refuse an overlap and an end before the start', () => {
    expect(
      membershipProblem(existing, { societyId: 's', memberFrom: '2025-01-01', memberTo: null }),
    ).toBe('overlaps the membership from 2024-04-01 to 2025-04-01');
    expect(
      membershipProblem([], { societyId: 's', memberFrom: '2025-01-01', memberTo: '2025-01-01' }),
    ).toBe('memberTo must be after memberFrom');
  });
});

describe(mayUpdateParty.name, () => {
  it('should let the operator, the party itself and its society admin update it', () => {
    const party = { id: 'p', societyIds: ['s'] };
    expect(mayUpdateParty({ role: Role.OPERATOR, partyId: 'o' }, party)).toBe(true);
    expect(mayUpdateParty({ role: Role.RIGHT_HOLDER, partyId: 'p' }, party)).toBe(true);
    expect(mayUpdateParty({ role: Role.SOCIETY_ADMIN, partyId: 's' }, party)).toBe(true);
    expect(mayUpdateParty({ role: Role.SOCIETY_ADMIN, partyId: 't' }, party)).toBe(false);
    expect(mayUpdateParty({ role: Role.PLATFORM, partyId: 'x' }, party)).toBe(false);
  });

  it('should let only the operator and the society admin manage memberships', () => {
    expect(mayManageMembership({ role: Role.OPERATOR, partyId: 'o' }, 's')).toBe(true);
    expect(mayManageMembership({ role: Role.SOCIETY_ADMIN, partyId: 's' }, 's')).toBe(true);
    expect(mayManageMembership({ role: Role.SOCIETY_ADMIN, partyId: 't' }, 's')).toBe(false);
    expect(mayManageMembership({ role: Role.RIGHT_HOLDER, partyId: 's' }, 's')).toBe(false);
  });
});

describe(decideMembershipChange.name, () => {
  const TODAY = '2026-06-15';
  const operator = { role: Role.OPERATOR };
  const admin = { role: Role.SOCIETY_ADMIN };
  const ours = { societyId: 's', memberFrom: '2025-01-01', memberTo: null };
  const elsewhere = { societyId: 't', memberFrom: '2024-01-01', memberTo: '2026-07-01' };
  const decide = (caller: { role: Role }, existing: Membership[], next: Membership): string => {
    try {
      return decideMembershipChange(caller, existing, next, TODAY, 365).kind;
    } catch (error) {
      return `${(error as PartyError).code}: ${(error as PartyError).message}`;
    }
  };

  it.each([
    [
      'an admin starting a membership today',
      admin,
      [],
      { societyId: 's', memberFrom: TODAY, memberTo: null },
      'offer',
    ],
    [
      'the operator starting one today',
      operator,
      [],
      { societyId: 's', memberFrom: TODAY, memberTo: null },
      'record',
    ],
    [
      'an admin back-dating a start',
      admin,
      [],
      { societyId: 's', memberFrom: '2000-01-01', memberTo: null },
      'INVALID_PARTY: memberFrom may not be before today (2026-06-15)',
    ],
    [
      'the operator back-dating within its limit',
      operator,
      [],
      { societyId: 's', memberFrom: '2025-06-15', memberTo: null },
      'record',
    ],
    [
      'the operator back-dating past its limit',
      operator,
      [],
      { societyId: 's', memberFrom: '2025-06-14', memberTo: null },
      'INVALID_PARTY: memberFrom may be back-dated by at most 365 days (to 2025-06-15)',
    ],
    [
      'a start while a member elsewhere',
      operator,
      [elsewhere],
      { societyId: 's', memberFrom: TODAY, memberTo: null },
      'MEMBER_ELSEWHERE: the holder is a member of another society on 2026-06-15; it must leave that society first',
    ],
    [
      'an open-ended start before joining elsewhere later',
      admin,
      [{ societyId: 't', memberFrom: '2027-01-01', memberTo: null }],
      { societyId: 's', memberFrom: TODAY, memberTo: null },
      'MEMBER_ELSEWHERE: the holder is a member of another society on 2027-01-01; it must leave that society first',
    ],
    [
      'a period ending before joining elsewhere',
      admin,
      [{ societyId: 't', memberFrom: '2027-01-01', memberTo: null }],
      { societyId: 's', memberFrom: TODAY, memberTo: '2027-01-01' },
      'offer',
    ],
    [
      'the operator lengthening a period into one elsewhere',
      operator,
      [
        { ...ours, memberTo: '2026-12-31' },
        { societyId: 't', memberFrom: '2027-01-01', memberTo: null },
      ],
      { ...ours, memberTo: '2027-06-01' },
      'MEMBER_ELSEWHERE: the holder is a member of another society on 2027-01-01; it must leave that society first',
    ],
    [
      'a start after leaving elsewhere',
      admin,
      [elsewhere],
      { societyId: 's', memberFrom: '2026-07-01', memberTo: null },
      'offer',
    ],
    [
      'an admin ending its member from today',
      admin,
      [ours],
      { ...ours, memberTo: TODAY },
      'record',
    ],
    [
      'an admin ending its member in the past',
      admin,
      [ours],
      { ...ours, memberTo: '2026-01-01' },
      'INVALID_PARTY: memberTo may not be before today (2026-06-15)',
    ],
    [
      'an admin lengthening a membership',
      admin,
      [{ ...ours, memberTo: '2026-12-31' }],
      ours,
      "NOT_ALLOWED: a society admin may end or shorten a membership; a longer one needs the holder's consent: offer a new period starting when this one ends",
    ],
    [
      'the operator lengthening one',
      operator,
      [{ ...ours, memberTo: '2026-12-31' }],
      ours,
      'record',
    ],
    ['the same period again', admin, [ours], ours, 'unchanged'],
  ] as [string, { role: Role }, Membership[], Membership, string][])(
    'should decide %s',
    (_, caller, existing, next, expected) => {
      expect(decide(caller, existing, next)).toBe(expected);
    },
  );
});

describe(firstDayElsewhere.name, () => {
  const t = { societyId: 't', memberFrom: '2026-03-01', memberTo: '2026-09-01' };

  it.each([
    ['an open-ended period starting before', '2026-01-01', null, '2026-03-01'],
    ['a period ending on its first day', '2026-01-01', '2026-03-01', undefined],
    ['a period inside it', '2026-04-01', '2026-05-01', '2026-04-01'],
    ['a period starting on its end', '2026-09-01', null, undefined],
    ['a period starting within it', '2026-08-31', null, '2026-08-31'],
  ])('should find the first day elsewhere of %s', (_, memberFrom, memberTo, expected) => {
    expect(firstDayElsewhere([t], { societyId: 's', memberFrom, memberTo })).toBe(expected);
    expect(firstDayElsewhere([t], { societyId: 't', memberFrom, memberTo })).toBeUndefined();
  });
});

describe(societiesSince.name, () => {
  it('should count periods running on or after the day, a period ending that day included', () => {
    const memberships = [
      { societyId: 'ended-before', memberFrom: '2025-01-01', memberTo: '2026-06-14' },
      { societyId: 'ended-that-day', memberFrom: '2025-01-01', memberTo: '2026-06-15' },
      { societyId: 'open', memberFrom: '2025-01-01', memberTo: null },
      { societyId: 'later', memberFrom: '2027-01-01', memberTo: '2028-01-01' },
    ];
    expect([...societiesSince(memberships, '2026-06-15')].sort()).toEqual([
      'ended-that-day',
      'later',
      'open',
    ]);
  });
});

describe(acceptedMembership.name, () => {
  it('should start an offer accepted late from today, and refuse one that ended or collides', () => {
    const offer = { societyId: 's', memberFrom: '2026-06-01', memberTo: null };
    expect(acceptedMembership([], offer, '2026-06-15')).toEqual({
      ...offer,
      memberFrom: '2026-06-15',
    });
    expect(() =>
      acceptedMembership([], { ...offer, memberTo: '2026-06-10' }, '2026-06-15'),
    ).toThrow('the offered membership has already ended');
    expect(() =>
      acceptedMembership(
        [{ societyId: 't', memberFrom: '2020-01-01', memberTo: null }],
        offer,
        '2026-06-15',
      ),
    ).toThrow('must leave that society first');
    expect(() =>
      acceptedMembership(
        [{ societyId: 't', memberFrom: '2027-01-01', memberTo: null }],
        offer,
        '2026-06-15',
      ),
    ).toThrow('the holder is a member of another society on 2027-01-01');
  });
});
