import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sharedSecret } from './token-secret.js';

/** The client the operator's tools (the CLI) get tokens with, by client credentials. */
export const OPERATOR_CLIENT_ID = 'clearinghouse-operator';

const OPERATOR_CLIENT_SECRET_FILE = 'operator-client-secret';

/**
 * The operator client's secret, kept in DATA_DIR/operator-client-secret (created on first use,
 * mode 600, like the token and gateway secrets): the launcher registers the client with it.
 */
export function resolveOperatorClientSecret(settings: { DATA_DIR: string }): Promise<string> {
  return sharedSecret(undefined, settings.DATA_DIR, OPERATOR_CLIENT_SECRET_FILE);
}

/**
 * The operator client's secret as the launcher left it in DATA_DIR, or undefined when no system
 * was started with this DATA_DIR (the CLI never makes one: the provider would not know it).
 */
export async function storedOperatorClientSecret(settings: {
  DATA_DIR: string;
}): Promise<string | undefined> {
  const file = path.join(settings.DATA_DIR, OPERATOR_CLIENT_SECRET_FILE);
  if (!existsSync(file)) return undefined;
  const secret = (await readFile(file, 'utf8')).trim();
  return secret.length >= 32 ? secret : undefined;
}
