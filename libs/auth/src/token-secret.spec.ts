import { describe, expect, it } from '@jest/globals';
import { acceptsSharedSecretTokens, type TokenSettings } from './token-secret.js';

const base: TokenSettings = {
  NODE_ENV: 'production',
  AUTH_JWT_SECRET: undefined,
  AUTH_JWT_ISSUER: 'clearinghouse',
  AUTH_AUDIENCE: 'urn:clearinghouse:api',
  AUTH_JWKS_URI: undefined,
  AUTH_ROLE_CLAIM: 'role',
  AUTH_PARTY_CLAIM: 'party',
  AUTH_JWKS_COOLDOWN_MS: 10_000,
  DATA_DIR: '/nonexistent',
  oidcIssuer: 'https://id.example.org/oidc',
};

describe(acceptsSharedSecretTokens.name, () => {
  it('should refuse shared-secret tokens in production unless a secret is set explicitly', () => {
    expect(acceptsSharedSecretTokens(base)).toBe(false);
    expect(acceptsSharedSecretTokens({ ...base, AUTH_JWT_SECRET: 'x'.repeat(32) })).toBe(true);
  });

  it('should accept them in development and tests with the secret kept in DATA_DIR', () => {
    expect(acceptsSharedSecretTokens({ ...base, NODE_ENV: 'development' })).toBe(true);
    expect(acceptsSharedSecretTokens({ ...base, NODE_ENV: 'test' })).toBe(true);
  });
});
