import { describe, expect, it } from '@jest/globals';
import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { Role } from '#libs/contracts';
import { resolveTokens, type TokenSettings } from './token-secret.js';

const base: TokenSettings = {
  AUTH_JWT_ALGORITHM: 'RS256',
  AUTH_JWT_SECRET: undefined,
  AUTH_JWT_PUBLIC_KEY: undefined,
  AUTH_JWT_PRIVATE_KEY: undefined,
  AUTH_JWKS_URL: undefined,
  AUTH_JWT_ISSUER: 'clearinghouse',
  DATA_DIR: '/nonexistent',
};

describe(resolveTokens.name, () => {
  it('should take RS256 keys in PEM from the configuration', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const sut = await resolveTokens({
      ...base,
      AUTH_JWT_PUBLIC_KEY: await exportSPKI(publicKey),
      AUTH_JWT_PRIVATE_KEY: await exportPKCS8(privateKey),
    });
    const caller = { role: Role.OPERATOR, partyId: 'op' };
    expect(await sut.verify(await sut.issue(caller, 60))).toEqual(caller);
  });

  it('should say what RS256 needs when no verification key is configured', async () => {
    await expect(resolveTokens(base)).rejects.toThrow(
      'AUTH_JWT_ALGORITHM=RS256 needs AUTH_JWT_PUBLIC_KEY or AUTH_JWKS_URL',
    );
  });

  it('should refuse to issue RS256 tokens without the private key', async () => {
    const { publicKey } = await generateKeyPair('RS256', { extractable: true });
    const sut = await resolveTokens({ ...base, AUTH_JWT_PUBLIC_KEY: await exportSPKI(publicKey) });
    await expect(sut.issue({ role: Role.OPERATOR, partyId: 'op' }, 60)).rejects.toThrow(
      'AUTH_JWT_PRIVATE_KEY',
    );
  });
});
