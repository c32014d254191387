import { describe, expect, it } from '@jest/globals';
import { relyingPartyOf } from './relying-party.js';

describe(relyingPartyOf.name, () => {
  it('should take the host name as RP ID and the origin without the issuer path', () => {
    expect(relyingPartyOf('https://id.example.jp:8443/oidc')).toEqual({
      id: 'id.example.jp',
      origin: 'https://id.example.jp:8443',
      name: 'Clearinghouse',
    });
  });
});
