import { describe, expect, it } from '@jest/globals';
import { SignJWT, UnsecuredJWT, generateKeyPair } from 'jose';
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

describe('shared-secret tokens where they are not accepted', () => {
  it('should refuse an HS256 token with a sentence, even one signed with the right secret', async () => {
    const sut = new Tokens({ secret, acceptShared: false });
    const token = await sut.issue({ role: Role.OPERATOR, partyId: 'x' }, 60);
    await expect(sut.verify(token)).rejects.toThrow(/shared secret \(HS256\) are not accepted/);
  });

  it('should refuse an asymmetric token when no issuer is configured', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT({ role: Role.OPERATOR })
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt' })
      .setSubject('x')
      .setExpirationTime('1m')
      .sign(privateKey);
    await expect(new Tokens(secret).verify(token)).rejects.toThrow(/no identity provider/);
  });
});
