import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

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
