import { describe, expect, it } from '@jest/globals';
import { passkeysPossible, relyingPartyOf } from './relying-party.js';

describe(relyingPartyOf.name, () => {
  it('should take the host name as RP ID and the origin without the issuer path', () => {
    expect(relyingPartyOf('https://id.example.jp:8443/oidc')).toEqual({
      id: 'id.example.jp',
      origin: 'https://id.example.jp:8443',
      name: 'Clearinghouse',
    });
  });
});

describe(passkeysPossible.name, () => {
  it('should allow host names and refuse IP addresses', () => {
    expect(passkeysPossible(relyingPartyOf('http://localhost:4000/oidc'))).toBe(true);
    expect(passkeysPossible(relyingPartyOf('https://id.example.jp/oidc'))).toBe(true);
    expect(passkeysPossible(relyingPartyOf('http://127.0.0.1:4000/oidc'))).toBe(false);
    expect(passkeysPossible(relyingPartyOf('http://[::1]:4000/oidc'))).toBe(false);
  });
});
