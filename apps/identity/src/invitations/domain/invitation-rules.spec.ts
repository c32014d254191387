import { describe, expect, it } from '@jest/globals';
import { Role } from '#libs/contracts';
import { invitationProblem, needsMembership } from './invitation-rules.js';

describe(invitationProblem.name, () => {
  const operator = { accountId: 'o', role: Role.OPERATOR };
  const admin = { accountId: 'a', role: Role.SOCIETY_ADMIN, party: 'society' };
  const staff = { accountId: 'p', role: Role.PLATFORM, party: 'platform' };

  it('should let the operator invite anyone', () => {
    expect(invitationProblem(operator, Role.SOCIETY_ADMIN, 'any', false)).toBeUndefined();
    expect(invitationProblem(operator, Role.PLATFORM, 'any', false)).toBeUndefined();
    expect(invitationProblem(operator, Role.OPERATOR, undefined, false)).toBeUndefined();
  });

  it("should let a society's admin invite its admins and its members' right holders only", () => {
    expect(invitationProblem(admin, Role.SOCIETY_ADMIN, 'society', false)).toBeUndefined();
    expect(invitationProblem(admin, Role.RIGHT_HOLDER, 'member', true)).toBeUndefined();
    expect(invitationProblem(admin, Role.RIGHT_HOLDER, 'stranger', false)).toMatch(/members/);
    expect(invitationProblem(admin, Role.SOCIETY_ADMIN, 'other-society', false)).toMatch(
      /admins of its society/,
    );
    expect(invitationProblem(admin, Role.PLATFORM, 'platform', false)).toBeDefined();
  });

  it('should let platform staff invite staff of their own platform only', () => {
    expect(invitationProblem(staff, Role.PLATFORM, 'platform', false)).toBeUndefined();
    expect(invitationProblem(staff, Role.PLATFORM, 'other', false)).toMatch(/own platform/);
    expect(invitationProblem(staff, Role.RIGHT_HOLDER, 'x', true)).toBeDefined();
  });

  it('should refuse right holders and people acting as no grant', () => {
    const holder = { accountId: 'h', role: Role.RIGHT_HOLDER, party: 'x' };
    expect(invitationProblem(holder, Role.RIGHT_HOLDER, 'x', false)).toMatch(/only the operator/);
    expect(invitationProblem({ accountId: 'n' }, Role.RIGHT_HOLDER, 'x', false)).toMatch(
      /only the operator/,
    );
  });
});

describe(needsMembership.name, () => {
  it("should ask the registry only for a society admin's invitation of a right holder", () => {
    const admin = { accountId: 'a', role: Role.SOCIETY_ADMIN, party: 'society' };
    expect(needsMembership(admin, Role.RIGHT_HOLDER)).toBe(true);
    expect(needsMembership(admin, Role.SOCIETY_ADMIN)).toBe(false);
    expect(needsMembership({ accountId: 'o', role: Role.OPERATOR }, Role.RIGHT_HOLDER)).toBe(false);
  });
});
