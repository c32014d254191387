import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRemoteJWKSet, importPKCS8, importSPKI } from 'jose';
import { Tokens } from './tokens.js';

/**
 * The HS256 secret: AUTH_JWT_SECRET when set, otherwise the one kept in DATA_DIR/jwt-secret
 * (created on first use, mode 600), so every process of one installation agrees on it.
 */
export async function resolveTokenSecret(settings: {
  AUTH_JWT_SECRET: string | undefined;
  DATA_DIR: string;
}): Promise<string> {
  if (settings.AUTH_JWT_SECRET) return settings.AUTH_JWT_SECRET;
  const file = path.join(settings.DATA_DIR, 'jwt-secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(settings.DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return (await readFile(file, 'utf8')).trim();
    throw error;
  }
}

export interface TokenSettings {
  AUTH_JWT_ALGORITHM: 'HS256' | 'RS256';
  AUTH_JWT_SECRET: string | undefined;
  AUTH_JWT_PUBLIC_KEY: string | undefined;
  AUTH_JWT_PRIVATE_KEY: string | undefined;
  AUTH_JWKS_URL: string | undefined;
  AUTH_JWT_ISSUER: string;
  DATA_DIR: string;
}

/** The token keys a process uses, from its configuration (see BaseConfig). */
export async function resolveTokens(settings: TokenSettings): Promise<Tokens> {
  const issuer = settings.AUTH_JWT_ISSUER;
  if (settings.AUTH_JWT_ALGORITHM === 'HS256') {
    return new Tokens({ algorithm: 'HS256', secret: await resolveTokenSecret(settings), issuer });
  }
  const sign = settings.AUTH_JWT_PRIVATE_KEY
    ? await importPKCS8(settings.AUTH_JWT_PRIVATE_KEY, 'RS256')
    : undefined;
  if (settings.AUTH_JWKS_URL) {
    return new Tokens({
      algorithm: 'RS256',
      verify: createRemoteJWKSet(new URL(settings.AUTH_JWKS_URL)),
      sign,
      issuer,
    });
  }
  if (!settings.AUTH_JWT_PUBLIC_KEY) {
    throw new Error('AUTH_JWT_ALGORITHM=RS256 needs AUTH_JWT_PUBLIC_KEY or AUTH_JWKS_URL');
  }
  return new Tokens({
    algorithm: 'RS256',
    verify: await importSPKI(settings.AUTH_JWT_PUBLIC_KEY, 'RS256'),
    sign,
    issuer,
  });
}
