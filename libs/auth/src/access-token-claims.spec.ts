import { describe, expect, it } from '@jest/globals';
import { Role, isUuid } from '#libs/contracts';
import { DEFAULT_CLAIMS, callerFromClaims, operatorActorId } from './access-token-claims.js';

const party = '5f0c7a52-1c1e-4c39-9d8e-4f7c2b0a9e11';
const iss = 'https://id.example.org/oidc';

describe(callerFromClaims.name, () => {
  it('should read the role and party of the default claims', () => {
    expect(callerFromClaims({ iss, sub: 'c', role: 'PLATFORM', party }, DEFAULT_CLAIMS)).toEqual({
      role: Role.PLATFORM,
      partyId: party,
    });
  });

  it('should read nested and list claims (a Keycloak realm role list)', () => {
    const payload = {
      iss,
      sub: 'u',
      realm_access: { roles: ['offline_access', 'RIGHT_HOLDER', 'uma_authorization'] },
      clearinghouse_party: party,
    };
    const mapping = { role: 'realm_access.roles', party: 'clearinghouse_party' };
    expect(callerFromClaims(payload, mapping)).toEqual({
      role: Role.RIGHT_HOLDER,
      partyId: party,
    });
  });

  it('should refuse no role, an unknown role and several roles', () => {
    expect(callerFromClaims({ iss, sub: 'u', party }, DEFAULT_CLAIMS)).toMatch(/no known role/);
    expect(callerFromClaims({ iss, sub: 'u', role: 'ADMIN', party }, DEFAULT_CLAIMS)).toMatch(
      /no known role/,
    );
    expect(
      callerFromClaims({ iss, sub: 'u', role: ['OPERATOR', 'PLATFORM'], party }, DEFAULT_CLAIMS),
    ).toMatch(/several roles/);
  });

  it('should need a party id for every role but the operator', () => {
    expect(callerFromClaims({ iss, sub: 'u', role: 'PLATFORM' }, DEFAULT_CLAIMS)).toMatch(
      /"party" claim is not a party id/,
    );
    expect(
      callerFromClaims({ iss, sub: 'u', role: 'PLATFORM', party: 'acme' }, DEFAULT_CLAIMS),
    ).toMatch(/not a party id/);
  });

  it('should give an operator without a party a stable id of its subject', () => {
    const first = callerFromClaims({ iss, sub: 'ops-cli', role: 'OPERATOR' }, DEFAULT_CLAIMS);
    expect(first).toEqual({ role: Role.OPERATOR, partyId: operatorActorId(iss, 'ops-cli') });
    expect(isUuid(operatorActorId(iss, 'ops-cli'))).toBe(true);
    expect(operatorActorId(iss, 'ops-cli')).not.toBe(operatorActorId(iss, 'other'));
    expect(operatorActorId(iss, party)).toBe(party);
  });
});
