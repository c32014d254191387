import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

const N = 16_384;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

/** A new client secret: 256 random bits, prefixed so that scanners can recognise a leaked one. */
export function newClientSecret(): string {
  return `chs_${randomBytes(32).toString('base64url')}`;
}

/** A secret's stored form: `scrypt$N$r$p$<salt>$<hash>` (base64url), a fresh salt each time. */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await scryptAsync(secret, salt, KEY_BYTES, { N, r: R, p: P, maxmem: 64 << 20 });
  return ['scrypt', N, R, P, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/**
 * Whether `secret` is the one `stored` was made from. `sha256$<hex>` is an API key moved over
 * from the authorization service (256 random bits, so a plain hash is as strong as the key).
 */
export async function secretMatches(secret: string, stored: string): Promise<boolean> {
  const [kind, ...parts] = stored.split('$');
  if (kind === 'sha256' && parts.length === 1) {
    return same(createHash('sha256').update(secret).digest(), Buffer.from(parts[0]!, 'hex'));
  }
  if (kind === 'scrypt' && parts.length === 5) {
    const [n, r, p, salt, hash] = parts as [string, string, string, string, string];
    const expected = Buffer.from(hash, 'base64url');
    const actual = await scryptAsync(secret, Buffer.from(salt, 'base64url'), expected.length, {
      N: Number(n),
      r: Number(r),
      p: Number(p),
      maxmem: 64 << 20,
    });
    return same(actual, expected);
  }
  return false;
}

function same(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
