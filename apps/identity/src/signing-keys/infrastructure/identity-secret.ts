import { sharedSecret } from '#libs/auth';

/** The file in DATA_DIR that keeps the identity secret when IDENTITY_KEY_SECRET is not set. */
export const IDENTITY_SECRET_FILE = 'identity-key';

/**
 * The secret the signing keys are sealed under: IDENTITY_KEY_SECRET when set, else the one kept
 * in DATA_DIR/identity-key, created on first use with mode 600 (by the one helper that keeps
 * every secret of DATA_DIR).
 */
export function resolveIdentitySecret(settings: {
  IDENTITY_KEY_SECRET: string | undefined;
  DATA_DIR: string;
}): Promise<string> {
  return sharedSecret(
    settings.IDENTITY_KEY_SECRET,
    settings.DATA_DIR,
    IDENTITY_SECRET_FILE,
    'restore it (the signing keys are sealed under it) or, on a new installation, delete it to make a new one',
  );
}
