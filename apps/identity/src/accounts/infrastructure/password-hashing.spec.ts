import { describe, expect, it } from '@jest/globals';
import { hashPassword, verifyPassword } from './password-hashing.js';

describe(hashPassword.name, () => {
  it('should store scrypt parameters and a salt of its own with each hash', async () => {
    const first = await hashPassword('river-lantern-okra-42');
    const second = await hashPassword('river-lantern-okra-42');
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('river-lantern');
  });

  it('should verify the password it was made from, and no other', async () => {
    const stored = await hashPassword('river-lantern-okra-42');
    expect(await verifyPassword('river-lantern-okra-42', stored)).toBe(true);
    expect(await verifyPassword('river-lantern-okra-43', stored)).toBe(false);
    expect(await verifyPassword('river-lantern-okra-42', 'not-a-hash')).toBe(false);
  });
});
