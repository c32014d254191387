import { describe, expect, it } from '@jest/globals';
import { Role } from '#libs/contracts';
import { actingGrant, grantClaims, grantProblem, mayRevoke } from './grant-rules.js';

const party = (kind: string) => ({ id: 'a1b2c3d4-0000-4000-8000-000000000001', kind });

describe(grantProblem.name, () => {
  it('should hold each role on a party of its kind, the operator on none', () => {
    expect(grantProblem(Role.RIGHT_HOLDER, party('RIGHT_HOLDER'))).toBeUndefined();
    expect(grantProblem(Role.SOCIETY_ADMIN, party('SOCIETY'))).toBeUndefined();
    expect(grantProblem(Role.PLATFORM, party('PLATFORM'))).toBeUndefined();
    expect(grantProblem(Role.OPERATOR, undefined)).toBeUndefined();
  });

  it('should refuse a party of another kind, a missing party and an operator on a party', () => {
    expect(grantProblem(Role.SOCIETY_ADMIN, party('RIGHT_HOLDER'))).toMatch(
      /held on a SOCIETY party/,
    );
    expect(grantProblem(Role.PLATFORM, party('SOCIETY'))).toMatch(/held on a PLATFORM party/);
    expect(grantProblem(Role.RIGHT_HOLDER, undefined)).toMatch(
      /needs a party of kind RIGHT_HOLDER/,
    );
    expect(grantProblem(Role.OPERATOR, party('SOCIETY'))).toMatch(/held on no party/);
  });

  it('should refuse an unknown role', () => {
    expect(grantProblem('ADMIN', party('SOCIETY'))).toMatch(/role must be one of/);
  });
});

describe(mayRevoke.name, () => {
  const grant = { accountId: 'holder', role: Role.RIGHT_HOLDER, partyId: 'p' };

  it('should let the holder give up its own grant and the operator take any', () => {
    expect(mayRevoke({ accountId: 'holder' }, grant, false)).toBe(true);
    expect(mayRevoke({ accountId: 'ops', role: Role.OPERATOR }, grant, false)).toBe(true);
  });

  it("should let a society admin take grants on its society and its members' parties", () => {
    const admin = { accountId: 'admin', role: Role.SOCIETY_ADMIN, party: 's' };
    expect(mayRevoke(admin, { ...grant, role: Role.SOCIETY_ADMIN, partyId: 's' }, false)).toBe(
      true,
    );
    expect(mayRevoke(admin, grant, true)).toBe(true);
    expect(mayRevoke(admin, grant, false)).toBe(false);
  });

  it('should refuse anyone else', () => {
    expect(mayRevoke({ accountId: 'other' }, grant, false)).toBe(false);
    expect(
      mayRevoke({ accountId: 'other', role: Role.RIGHT_HOLDER, party: 'p' }, grant, true),
    ).toBe(false);
    expect(mayRevoke({ accountId: 'other', role: Role.PLATFORM, party: 'p' }, grant, false)).toBe(
      false,
    );
  });
});

describe(actingGrant.name, () => {
  const a = { id: 'a' };
  const b = { id: 'b' };

  it('should act as the only grant without a choice, and as none of several', () => {
    expect(actingGrant([a], undefined)).toBe(a);
    expect(actingGrant([a, b], undefined)).toBeUndefined();
    expect(actingGrant([], undefined)).toBeUndefined();
  });

  it('should act as the chosen grant while it is held, and as none once taken back', () => {
    expect(actingGrant([a, b], 'b')).toBe(b);
    expect(actingGrant([a], 'b')).toBeUndefined();
  });
});

describe(grantClaims.name, () => {
  it('should name the party, except for the operator', () => {
    expect(grantClaims({ role: Role.PLATFORM, partyId: 'p' })).toEqual({
      role: Role.PLATFORM,
      party: 'p',
    });
    expect(grantClaims({ role: Role.OPERATOR, partyId: null })).toEqual({ role: Role.OPERATOR });
  });
});
