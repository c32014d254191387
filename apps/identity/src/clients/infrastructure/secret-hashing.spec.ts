import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { hashSecret, newClientSecret, secretMatches } from './secret-hashing.js';

describe('client secret hashing', () => {
  it('should match a secret against its scrypt hash, and nothing else', async () => {
    const secret = newClientSecret();
    const stored = await hashSecret(secret);

    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(stored).not.toContain(secret);
    expect(await secretMatches(secret, stored)).toBe(true);
    expect(await secretMatches(`${secret}x`, stored)).toBe(false);
  });

  it('should salt each hash', async () => {
    const secret = newClientSecret();
    expect(await hashSecret(secret)).not.toBe(await hashSecret(secret));
  });

  it('should match an API key against the SHA-256 it was kept as', async () => {
    const key = 'chk_example';
    const stored = `sha256$${createHash('sha256').update(key).digest('hex')}`;

    expect(await secretMatches(key, stored)).toBe(true);
    expect(await secretMatches('chk_other', stored)).toBe(false);
  });

  it('should match nothing against an unknown kind of hash', async () => {
    expect(await secretMatches('x', 'plain$x')).toBe(false);
  });
});
