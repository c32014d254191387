import { describe, expect, it } from '@jest/globals';
import { PartyKind, Role } from '#libs/contracts';
import {
  endpointListScope,
  mayManageEndpoint,
  newEndpointOwner,
  ownerKindOf,
} from './endpoint-access.js';
import { ACCESS_SCENARIOS, PARTIES, type Owner } from './endpoint-access.scenarios.js';

const OWNERS = Object.keys(PARTIES).filter((name) => name !== 'holder') as Owner[];

describe('endpoint access', () => {
  it.each(ACCESS_SCENARIOS)('should let $name manage exactly the endpoints it sees', (scenario) => {
    const managed = OWNERS.filter((owner) => mayManageEndpoint(scenario.caller, PARTIES[owner]));
    expect(managed).toEqual(scenario.sees);
  });

  it('should let no anonymous caller manage any endpoint', () => {
    expect(mayManageEndpoint(null, PARTIES.platformA)).toBe(false);
    expect(endpointListScope(null)).toEqual({ nothing: true });
  });

  it("should list the caller's own party by default and nothing for another owner", () => {
    const platform = { role: Role.PLATFORM, partyId: PARTIES.platformA };
    expect(endpointListScope(platform)).toEqual({ owner: PARTIES.platformA });
    expect(endpointListScope(platform, PARTIES.platformA)).toEqual({ owner: PARTIES.platformA });
    expect(endpointListScope(platform, PARTIES.platformB)).toEqual({ nothing: true });
    const holder = { role: Role.RIGHT_HOLDER, partyId: PARTIES.holder };
    expect(endpointListScope(holder, PARTIES.holder)).toEqual({ nothing: true });
  });

  it('should let the operator list every owner or the one named', () => {
    const operator = { role: Role.OPERATOR, partyId: PARTIES.holder };
    expect(endpointListScope(operator)).toEqual({ owner: null });
    expect(endpointListScope(operator, PARTIES.society)).toEqual({ owner: PARTIES.society });
  });

  it('should make a new endpoint for the caller’s own party, or the owner the operator names', () => {
    const platform = { role: Role.PLATFORM, partyId: PARTIES.platformA };
    expect(newEndpointOwner(platform, undefined)).toEqual({ owner: PARTIES.platformA });
    expect(newEndpointOwner(platform, PARTIES.platformA)).toEqual({ owner: PARTIES.platformA });
    expect(newEndpointOwner(platform, PARTIES.platformB)).toMatchObject({ refused: 'FORBIDDEN' });
    const operator = { role: Role.OPERATOR, partyId: PARTIES.holder };
    expect(newEndpointOwner(operator, PARTIES.society)).toEqual({ owner: PARTIES.society });
    expect(newEndpointOwner(operator, null)).toEqual({
      refused: 'BAD_USER_INPUT',
      message: 'ownerId: the operator names the endpoint’s owner',
    });
    const holder = { role: Role.RIGHT_HOLDER, partyId: PARTIES.holder };
    expect(newEndpointOwner(holder, undefined)).toMatchObject({ refused: 'FORBIDDEN' });
  });

  it('should give each role the event types of its kind of party', () => {
    expect(ownerKindOf({ role: Role.PLATFORM, partyId: PARTIES.platformA })).toBe(
      PartyKind.PLATFORM,
    );
    expect(ownerKindOf({ role: Role.SOCIETY_ADMIN, partyId: PARTIES.society })).toBe(
      PartyKind.SOCIETY,
    );
    expect(ownerKindOf({ role: Role.OPERATOR, partyId: PARTIES.holder })).toBe('ALL');
    expect(ownerKindOf({ role: Role.RIGHT_HOLDER, partyId: PARTIES.holder })).toBeNull();
  });
});
