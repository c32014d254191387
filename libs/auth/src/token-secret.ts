import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRemoteJWKSet, importPKCS8, importSPKI } from 'jose';
import { Tokens } from './tokens.js';

/**
 * The HS256 secret: AUTH_JWT_SECRET when set, otherwise the one kept in DATA_DIR/jwt-secret
 * (created on first use, mode 600), so every process of one installation agrees on it.
 */
export function resolveTokenSecret(settings: {
  AUTH_JWT_SECRET: string | undefined;
  DATA_DIR: string;
}): Promise<string> {
  return sharedSecret(settings.AUTH_JWT_SECRET, settings.DATA_DIR, 'jwt-secret');
}

/**
 * The secret the gateway proves itself with to the subgraphs: SUBGRAPH_SECRET when set,
 * otherwise the one kept in DATA_DIR/subgraph-secret (created like the token secret).
 */
export function resolveSubgraphSecret(settings: {
  SUBGRAPH_SECRET: string | undefined;
  DATA_DIR: string;
}): Promise<string> {
  return sharedSecret(settings.SUBGRAPH_SECRET, settings.DATA_DIR, 'subgraph-secret');
}

/**
 * `configured` when set, else the secret in DATA_DIR/`name`, created on first use (mode 600).
 * Processes starting together agree: the file appears whole (written aside, then linked in
 * place) and the first link wins.
 */
async function sharedSecret(
  configured: string | undefined,
  dataDir: string,
  name: string,
): Promise<string> {
  if (configured) return configured;
  const file = path.join(dataDir, name);
  if (existsSync(file)) return storedSecret(file);
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  const aside = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(aside, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(aside, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return storedSecret(file);
    throw error;
  } finally {
    await unlink(aside);
  }
}

/** A secret kept in a file: refused when too short to be one (emptied or hand-edited). */
async function storedSecret(file: string): Promise<string> {
  const secret = (await readFile(file, 'utf8')).trim();
  if (secret.length < 32) {
    throw new Error(
      `${file} holds no secret of at least 32 characters: delete it to make a new one`,
    );
  }
  return secret;
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
