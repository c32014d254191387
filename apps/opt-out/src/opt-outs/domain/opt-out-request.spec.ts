import { describe, expect, it } from '@jest/globals';
import { OptOutScope, PartyKind, Role, UseType } from '#libs/contracts';
import {
  acceptOptOut,
  confirmationOf,
  mayReadOptOutsOf,
  repeatedOptOut,
  type Caller,
  type OptOutFacts,
} from './opt-out-request.js';
import { OptOutErrorCode } from './opt-out.errors.js';

const NOW = new Date('2026-11-24T12:00:00Z');
const HOLDER = 'holder-1';
const SOCIETY = 'society-1';
const facts = (overrides: Partial<OptOutFacts> = {}): OptOutFacts => ({
  now: NOW,
  holderKind: PartyKind.RIGHT_HOLDER,
  holderSocietyIds: [SOCIETY],
  work: { known: true, holderHasShare: true },
  ...overrides,
});
const self = { role: Role.RIGHT_HOLDER, partyId: HOLDER };

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe(acceptOptOut.name, () => {
  it('should default effectiveFrom to now and list use types once, in enum order', () => {
    const accepted = acceptOptOut(
      self,
      {
        holderId: HOLDER,
        scope: OptOutScope.WORK,
        workId: 'w',
        useTypes: [UseType.SNS_POST, UseType.STREAM, UseType.SNS_POST],
      },
      facts(),
    );
    expect(accepted).toEqual({
      holderId: HOLDER,
      scope: OptOutScope.WORK,
      workId: 'w',
      useTypes: [UseType.STREAM, UseType.SNS_POST],
      effectiveFrom: NOW,
    });
  });

  it('should let the holder, its society admin and the operator act, and nobody else', () => {
    const request = { holderId: HOLDER, scope: OptOutScope.ALL_WORKS };
    expect(codeOf(() => acceptOptOut(self, request, facts()))).toBeUndefined();
    expect(
      codeOf(() => acceptOptOut({ role: Role.SOCIETY_ADMIN, partyId: SOCIETY }, request, facts())),
    ).toBeUndefined();
    expect(
      codeOf(() => acceptOptOut({ role: Role.OPERATOR, partyId: 'op' }, request, facts())),
    ).toBeUndefined();
    for (const caller of [
      { role: Role.RIGHT_HOLDER, partyId: 'someone-else' },
      { role: Role.SOCIETY_ADMIN, partyId: 'other-society' },
      { role: Role.PLATFORM, partyId: 'platform' },
    ]) {
      expect(codeOf(() => acceptOptOut(caller, request, facts()))).toBe(
        OptOutErrorCode.NOT_ALLOWED,
      );
    }
  });

  it('should accept an effectiveFrom a little in the past (clock skew) but not more, except from the operator', () => {
    const at = (ms: number) => ({
      holderId: HOLDER,
      scope: OptOutScope.ALL_WORKS,
      effectiveFrom: new Date(NOW.getTime() + ms),
    });
    expect(codeOf(() => acceptOptOut(self, at(-30_000), facts()))).toBeUndefined();
    expect(codeOf(() => acceptOptOut(self, at(-120_000), facts()))).toBe(
      OptOutErrorCode.INVALID_OPT_OUT,
    );
    expect(
      codeOf(() => acceptOptOut({ role: Role.OPERATOR, partyId: 'op' }, at(-86_400_000), facts())),
    ).toBeUndefined();
    expect(acceptOptOut(self, at(86_400_000), facts()).effectiveFrom).toEqual(
      new Date(NOW.getTime() + 86_400_000),
    );
  });

  it('should require a known right holder, and for WORK a known work it has a share in', () => {
    const work = { holderId: HOLDER, scope: OptOutScope.WORK, workId: 'w' };
    expect(codeOf(() => acceptOptOut(self, work, facts({ holderKind: PartyKind.PLATFORM })))).toBe(
      OptOutErrorCode.NOT_FOUND,
    );
    expect(
      codeOf(() =>
        acceptOptOut(self, work, facts({ work: { known: false, holderHasShare: false } })),
      ),
    ).toBe(OptOutErrorCode.NOT_FOUND);
    expect(
      codeOf(() =>
        acceptOptOut(self, work, facts({ work: { known: true, holderHasShare: false } })),
      ),
    ).toBe(OptOutErrorCode.NOT_ALLOWED);
  });
});

describe(confirmationOf.name, () => {
  it('should say what is out, for which uses, from when, and a withdrawal', () => {
    const text = confirmationOf({
      id: 'o-1',
      scope: OptOutScope.ALL_WORKS,
      workId: null,
      useTypes: [],
      effectiveFrom: NOW,
      withdrawnAt: new Date('2026-12-01T00:00:00Z'),
      registeredAt: NOW,
    });
    expect(text).toBe(
      'Opt-out o-1 registered 2026-11-24T12:00:00.000Z: all works of the holder, including works ' +
        'registered later, out of extended collective licensing for every use from ' +
        '2026-11-24T12:00:00.000Z. Withdrawn: back under the scheme from 2026-12-01T00:00:00.000Z.',
    );
  });
});

describe(mayReadOptOutsOf.name, () => {
  const callers: Record<string, Caller> = {
    operator: { role: Role.OPERATOR, partyId: 'operator' },
    'admin of its society': { role: Role.SOCIETY_ADMIN, partyId: SOCIETY },
    'admin of another society': { role: Role.SOCIETY_ADMIN, partyId: 'society-2' },
    'the holder': self,
    'another holder': { role: Role.RIGHT_HOLDER, partyId: 'holder-2' },
    platform: { role: Role.PLATFORM, partyId: 'platform-1' },
  };

  it.each([
    ['a member of a society', [SOCIETY], ['operator', 'admin of its society', 'the holder']],
    ['a holder of no society', [], ['operator', 'the holder']],
  ])('should show the opt-outs of %s to who acts for it only', (_, societies, readers) => {
    expect(
      Object.entries(callers)
        .filter(([, caller]) => mayReadOptOutsOf(caller, HOLDER, societies))
        .map(([name]) => name),
    ).toEqual(readers);
  });
});

describe(repeatedOptOut.name, () => {
  const accepted = {
    holderId: HOLDER,
    scope: OptOutScope.WORK,
    workId: 'w',
    useTypes: [UseType.STREAM, UseType.SNS_POST],
    effectiveFrom: NOW,
  };
  const registered = { ...accepted, id: 'o-1', withdrawnAt: null };

  it('should find an opt-out with the same holder, scope, work and use types, effective no later', () => {
    expect(repeatedOptOut(accepted, [registered])).toBe(registered);
    const earlier = { ...registered, effectiveFrom: new Date(NOW.getTime() - 1000) };
    expect(repeatedOptOut(accepted, [earlier])).toBe(earlier);
    const reordered = { ...registered, useTypes: [UseType.SNS_POST, UseType.STREAM] };
    expect(repeatedOptOut(accepted, [reordered])).toBe(reordered);
  });

  it('should find none when the new one differs, starts earlier, or the old one is withdrawn', () => {
    const differing = [
      { ...registered, useTypes: [UseType.STREAM] },
      { ...registered, useTypes: [] },
      { ...registered, workId: 'other' },
      { ...registered, holderId: 'holder-2' },
      { ...registered, scope: OptOutScope.ALL_WORKS, workId: null },
      { ...registered, effectiveFrom: new Date(NOW.getTime() + 1000) },
      { ...registered, withdrawnAt: NOW },
    ];
    for (const optOut of differing) expect(repeatedOptOut(accepted, [optOut])).toBeUndefined();
  });
});
