import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;

/** A sealed key that does not open: wrong secret, altered text, or moved to another key id. */
export class UnsealError extends Error {
  constructor(kid: string) {
    super(
      `the private part of signing key ${kid} does not open with this secret (IDENTITY_KEY_SECRET or DATA_DIR/identity-key changed?)`,
    );
    this.name = 'UnsealError';
  }
}

/**
 * Seals private key material at rest with AES-256-GCM under a key derived (HKDF-SHA256) from
 * the identity secret. The key id is authenticated with it, so a sealed key opens only in its
 * own row. Sealed text: `v1.<iv>.<tag>.<ciphertext>`, base64url parts.
 */
export class KeySealer {
  private readonly key: Buffer;
  private readonly cookieKey: string;

  constructor(secret: string) {
    this.key = derive(secret, 'signing-key-encryption');
    this.cookieKey = derive(secret, 'cookie-signing').toString('base64url');
  }

  seal(kid: string, plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(kid, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  open(kid: string, sealed: string): string {
    const [version, iv, tag, ciphertext, ...rest] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined || rest.length > 0) {
      throw new UnsealError(kid);
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(kid, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new UnsealError(kid);
    }
  }

  /** Keys for signing the provider's cookies, derived from the same secret. */
  cookieKeys(): string[] {
    return [this.cookieKey];
  }
}

/** A 256-bit key for one purpose, derived from the identity secret (HKDF-SHA256). */
function derive(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'clearinghouse-identity', purpose, 32));
}
