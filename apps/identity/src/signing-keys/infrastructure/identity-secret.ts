import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The file in DATA_DIR that keeps the identity secret when IDENTITY_KEY_SECRET is not set. */
export const IDENTITY_SECRET_FILE = 'identity-key';

/**
 * The secret the signing keys are sealed under: IDENTITY_KEY_SECRET when set, else the one kept
 * in DATA_DIR/identity-key, created on first use with mode 600. Processes starting together
 * agree: the file appears whole (written aside, then linked in place) and the first link wins.
 */
export async function resolveIdentitySecret(settings: {
  IDENTITY_KEY_SECRET: string | undefined;
  DATA_DIR: string;
}): Promise<string> {
  if (settings.IDENTITY_KEY_SECRET) return settings.IDENTITY_KEY_SECRET;
  const file = path.join(settings.DATA_DIR, IDENTITY_SECRET_FILE);
  if (existsSync(file)) return storedSecret(file);
  await mkdir(settings.DATA_DIR, { recursive: true });
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

async function storedSecret(file: string): Promise<string> {
  const secret = (await readFile(file, 'utf8')).trim();
  if (secret.length < 32) {
    throw new Error(
      `${file} holds no secret of at least 32 characters; restore it (the signing keys are sealed under it) or, on a new installation, delete it to make a new one`,
    );
  }
  return secret;
}
