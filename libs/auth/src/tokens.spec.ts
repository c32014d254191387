import { describe, expect, it } from '@jest/globals';
import { SignJWT, UnsecuredJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { Role } from '#libs/contracts';
import { InvalidTokenError, Tokens, bearerToken } from './tokens.js';

const secret = 'a-test-secret-that-is-long-enough-0123456789';

async function problem(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
  } catch (error) {
    if (error instanceof InvalidTokenError) return error.problem;
    throw error;
  }
  throw new Error('expected the token to be refused');
}

describe(Tokens.name, () => {
  const sut = new Tokens(secret);

  it('should verify a token it issued', async () => {
    const token = await sut.issue({ role: Role.PLATFORM, partyId: 'party-1' }, 60);
    await expect(sut.verify(token)).resolves.toEqual({ role: Role.PLATFORM, partyId: 'party-1' });
  });

  it('should refuse a token signed with another secret', async () => {
    const forged = await new Tokens('another-secret-that-is-long-enough-9876543210').issue(
      { role: Role.OPERATOR, partyId: 'x' },
      60,
    );
    expect(await problem(sut.verify(forged))).toBe('invalid');
  });

  it('should refuse an expired token', async () => {
    const expired = await new SignJWT({ role: Role.OPERATOR })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer('clearinghouse')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 120)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(secret));
    expect(await problem(sut.verify(expired))).toBe('expired');
  });

  it('should refuse an unsigned token and garbage', async () => {
    const unsigned = new UnsecuredJWT({ role: Role.OPERATOR })
      .setSubject('x')
      .setIssuer('clearinghouse')
      .encode();
    expect(await problem(sut.verify(unsigned))).not.toBe('');
    expect(await problem(sut.verify('not.a.token'))).toBe('malformed');
  });

  it('should refuse a token without a known role', async () => {
    const token = await new SignJWT({ role: 'ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer('clearinghouse')
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode(secret));
    expect(await problem(sut.verify(token))).toBe('invalid');
  });
});

describe(bearerToken.name, () => {
  it('should read the token of a Bearer header and nothing else', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer   abc')).toBe('abc');
    expect(bearerToken(undefined)).toBeUndefined();
    expect(() => bearerToken('Basic dXNlcjpwYXNz')).toThrow(InvalidTokenError);
  });
});

describe('RS256 tokens', () => {
  const caller = { role: Role.PLATFORM, partyId: '5f0c7a52-1c1e-4c39-9d8e-4f7c2b0a9e11' };

  it('should issue with the private key and verify with the public key', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const sut = new Tokens({ algorithm: 'RS256', verify: publicKey, sign: privateKey });
    expect(await sut.verify(await sut.issue(caller, 60))).toEqual(caller);
  });

  it('should refuse a token signed by another key, an HS256 token and another issuer', async () => {
    const ours = await generateKeyPair('RS256');
    const theirs = await generateKeyPair('RS256');
    const sut = new Tokens({ algorithm: 'RS256', verify: ours.publicKey });
    const forged = new Tokens({
      algorithm: 'RS256',
      verify: theirs.publicKey,
      sign: theirs.privateKey,
    });
    const hs256 = new Tokens('a-shared-secret-of-at-least-32-characters!');
    const otherIssuer = new Tokens({
      algorithm: 'RS256',
      verify: ours.publicKey,
      sign: ours.privateKey,
      issuer: 'someone-else',
    });
    for (const token of [
      await forged.issue(caller, 60),
      await hs256.issue(caller, 60),
      await otherIssuer.issue(caller, 60),
    ]) {
      await expect(sut.verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
    }
  });

  it('should verify with keys looked up by kid in a key set', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwks = createLocalJWKSet({
      keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }],
    });
    const token = await new SignJWT({ role: Role.OPERATOR })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('op')
      .setIssuer('clearinghouse')
      .setExpirationTime('1m')
      .sign(privateKey);
    const sut = new Tokens({ algorithm: 'RS256', verify: jwks });
    expect(await sut.verify(token)).toEqual({ role: Role.OPERATOR, partyId: 'op' });
  });
});
