import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError, loadConfig } from '#libs/config';
import { Role } from '#libs/contracts';
import { clientListProblem, IdentityConfig } from './identity.config.js';

const PARTY = '6f1c1e2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

describe(clientListProblem.name, () => {
  it('should accept clients with known roles and parties', () => {
    const clients = [
      { client_id: 'cli', client_secret: 's', role: Role.OPERATOR },
      { client_id: 'platform', client_secret: 's', role: Role.PLATFORM, party: PARTY },
      { client_id: 'portal', token_endpoint_auth_method: 'none' },
    ];
    expect(clientListProblem(JSON.stringify(clients))).toBeUndefined();
  });

  it.each([
    ['{', 'is not JSON'],
    ['{"client_id":"a"}', 'JSON array'],
    ['[{"client_secret":"s"}]', 'client 1 needs a client_id'],
    ['[{"client_id":"a"},{"client_id":"a"}]', 'appears twice'],
    ['[{"client_id":"a","role":"ADMIN"}]', 'client a: role must be one of'],
    ['[{"client_id":"a","role":"PLATFORM"}]', 'client a: a PLATFORM client needs the id'],
  ])('should refuse %s', (value, reason) => {
    expect(clientListProblem(value)).toContain(reason);
  });
});

describe(IdentityConfig.name, () => {
  it('should default the issuer to /oidc on its port', () => {
    expect(loadConfig(IdentityConfig, { IDENTITY_PORT: '4100' }).issuer).toBe(
      'http://127.0.0.1:4100/oidc',
    );
  });

  it('should name a bad client list without echoing its secrets', () => {
    const secret = 'client-secret-that-must-not-leak';
    const attempt = () =>
      loadConfig(IdentityConfig, {
        IDENTITY_CLIENTS: JSON.stringify([{ client_id: 'a', client_secret: secret, role: 'X' }]),
      });
    expect(attempt).toThrow(ConfigValidationError);
    expect(attempt).toThrow(/IDENTITY_CLIENTS/);
    expect(attempt).toThrow(/role must be one of/);
    expect(attempt).not.toThrow(new RegExp(secret));
  });
});
