import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { IssuerTokens } from './issuer-tokens.js';
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
export async function sharedSecret(
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
  NODE_ENV: 'development' | 'production' | 'test';
  AUTH_JWT_SECRET: string | undefined;
  AUTH_JWT_ISSUER: string;
  AUTH_AUDIENCE: string;
  AUTH_JWKS_URI: string | undefined;
  AUTH_ROLE_CLAIM: string;
  AUTH_PARTY_CLAIM: string;
  AUTH_JWKS_COOLDOWN_MS: number;
  DATA_DIR: string;
  /** The OpenID issuer whose access tokens are accepted (none: shared-secret tokens only). */
  readonly oidcIssuer: string | undefined;
}

/**
 * Whether shared-secret (HS256) tokens are accepted: when AUTH_JWT_SECRET is set explicitly,
 * or outside production (the secret kept in DATA_DIR). A production process given no secret
 * accepts only the identity provider's tokens.
 */
export function acceptsSharedSecretTokens(settings: TokenSettings): boolean {
  return settings.AUTH_JWT_SECRET !== undefined || settings.NODE_ENV !== 'production';
}

/** The token verification (and HS256 issuing) of a process, from its configuration. */
export async function resolveTokens(settings: TokenSettings): Promise<Tokens> {
  const issuer = settings.oidcIssuer;
  return new Tokens({
    secret: await resolveTokenSecret(settings),
    acceptShared: acceptsSharedSecretTokens(settings),
    issuer: settings.AUTH_JWT_ISSUER,
    oidc: issuer
      ? new IssuerTokens({
          issuer,
          audience: settings.AUTH_AUDIENCE,
          jwksUri: settings.AUTH_JWKS_URI,
          claims: { role: settings.AUTH_ROLE_CLAIM, party: settings.AUTH_PARTY_CLAIM },
          cooldownMs: settings.AUTH_JWKS_COOLDOWN_MS,
        })
      : undefined,
  });
}
