import { describe, expect, it } from '@jest/globals';
import { Role } from '#libs/contracts';
import { machineClaims, machineIdentityProblem } from './machine-client.js';

const PARTY = '6f1c1e2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

describe(machineIdentityProblem.name, () => {
  it.each([
    [undefined, undefined],
    [Role.OPERATOR, undefined],
    [Role.PLATFORM, PARTY],
    [Role.SOCIETY_ADMIN, PARTY],
    [Role.RIGHT_HOLDER, PARTY],
  ])('should accept role %s with party %s', (role, party) => {
    expect(machineIdentityProblem(role, party)).toBeUndefined();
  });

  it.each([
    [undefined, PARTY, 'needs a role'],
    ['ADMIN', undefined, 'role must be one of'],
    [Role.OPERATOR, PARTY, 'acts for no party'],
    [Role.PLATFORM, undefined, 'needs the id'],
    [Role.PLATFORM, 'platform-1', 'needs the id'],
  ])('should refuse role %s with party %s', (role, party, reason) => {
    expect(machineIdentityProblem(role, party)).toContain(reason);
  });
});

describe(machineClaims.name, () => {
  it('should carry the role and party that are set', () => {
    expect(machineClaims(Role.PLATFORM, PARTY)).toEqual({ role: Role.PLATFORM, party: PARTY });
    expect(machineClaims(Role.OPERATOR, undefined)).toEqual({ role: Role.OPERATOR });
    expect(machineClaims(undefined, undefined)).toEqual({});
  });
});
