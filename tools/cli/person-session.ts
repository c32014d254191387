import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import * as oidc from 'openid-client';
import type { GatewayConfig } from '#libs/config';
import {
  describeOidcError,
  discoverIssuer,
  TokenRefusal,
} from '../../apps/standalone/src/issuer-client.js';
import { CLI_CLIENT_ID } from '../../apps/standalone/src/launcher-clients.js';
import { cliIssuer } from './operator-token.js';

/** What `login` asks for: who the person is, the API as them, and a refresh token. */
const LOGIN_SCOPE = 'openid offline_access api';
/** An access token closer than this to its end is refreshed rather than printed. */
const REFRESH_BEFORE_SECONDS = 60;

/** A person's sign-in at one issuer, as the CLI keeps it. */
interface PersonSession {
  refreshToken: string;
  accessToken?: string;
  /** When the access token ends, in seconds since the epoch. */
  expiresAt?: number;
}

/**
 * Where the CLI keeps people's sign-ins: `clearinghouse/sessions.json` in the user's
 * configuration folder (XDG_CONFIG_HOME, else ~/.config), one entry per issuer, the folder
 * mode 700 and the file mode 600. It belongs to the person at the keyboard, not to an
 * installation's DATA_DIR, which a service account may share.
 */
export function sessionFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || path.join(homedir(), '.config');
  return path.join(base, 'clearinghouse', 'sessions.json');
}

async function readSessions(): Promise<Record<string, PersonSession>> {
  const file = sessionFile();
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Record<string, PersonSession>;
  } catch {
    throw new TokenRefusal(`${file} is not the CLI's sign-in file: delete it and sign in again`);
  }
}

/** Writes the sessions whole (aside, then renamed over the file), mode 600. */
async function writeSessions(sessions: Record<string, PersonSession>): Promise<void> {
  const file = sessionFile();
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const aside = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(aside, `${JSON.stringify(sessions, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  await rename(aside, file);
}

async function keepSession(issuer: URL, session: PersonSession | undefined): Promise<void> {
  const sessions = await readSessions();
  if (session) sessions[issuer.href] = session;
  else delete sessions[issuer.href];
  await writeSessions(sessions);
}

function sessionOf(tokens: oidc.TokenEndpointResponse, previous?: string): PersonSession {
  const refreshToken = tokens.refresh_token ?? previous;
  if (!refreshToken) {
    throw new TokenRefusal('the identity provider gave no refresh token: sign-in not kept');
  }
  return {
    refreshToken,
    accessToken: tokens.access_token,
    expiresAt: tokens.expires_in ? Math.floor(Date.now() / 1000) + tokens.expires_in : undefined,
  };
}

const cliConfiguration = (issuer: URL) => discoverIssuer(issuer, CLI_CLIENT_ID, oidc.None());

/**
 * `login`: the device authorization grant. Prints on stderr where to go and the code to type,
 * polls the issuer at the interval it asks for (slower when it says `slow_down`) until the
 * person has signed in, refused or let the code expire, then keeps the refresh token.
 */
export async function login(config: GatewayConfig, say: (line: string) => void): Promise<void> {
  const issuer = cliIssuer(config);
  const configuration = await cliConfiguration(issuer);
  let device: oidc.DeviceAuthorizationResponse;
  try {
    device = await oidc.initiateDeviceAuthorization(configuration, { scope: LOGIN_SCOPE });
  } catch (error) {
    if (error instanceof oidc.ResponseBodyError && error.error === 'invalid_client') {
      throw new TokenRefusal(
        `the identity provider at ${issuer.href} does not know the CLI's client (${CLI_CLIENT_ID}): the launchers (npm start) register it`,
      );
    }
    throw new TokenRefusal(
      `the identity provider at ${issuer.href} did not start a sign-in (${describeOidcError(error)})`,
    );
  }
  say(`To sign in, open ${device.verification_uri} in a browser and enter the code:`);
  say('');
  say(`    ${device.user_code}`);
  say('');
  if (device.verification_uri_complete) {
    say(`(or open ${device.verification_uri_complete}, which fills the code in)`);
  }
  say(`The code is valid for ${Math.round(device.expires_in / 60)} minutes. Waiting...`);
  let tokens: Awaited<ReturnType<typeof oidc.pollDeviceAuthorizationGrant>>;
  try {
    tokens = await oidc.pollDeviceAuthorizationGrant(configuration, device);
  } catch (error) {
    const code = error instanceof oidc.ResponseBodyError ? error.error : undefined;
    if (code === 'access_denied') {
      throw new TokenRefusal('the sign-in was cancelled in the browser: nothing was kept');
    }
    if (code === 'expired_token' || (error as Error).name === 'TimeoutError') {
      throw new TokenRefusal(
        'the code expired before the sign-in was finished: run login again for a new code',
      );
    }
    throw new TokenRefusal(`the sign-in did not finish (${describeOidcError(error)})`);
  }
  await keepSession(issuer, sessionOf(tokens));
  const subject = tokens.claims()?.sub;
  say(
    `Signed in${subject ? ` (account ${subject})` : ''}. The sign-in is kept in ${sessionFile()}.`,
  );
}

/**
 * `token --person`: the signed-in person's access token, refreshed (and the rotated refresh
 * token kept) when it has less than a minute left.
 */
export async function personToken(config: GatewayConfig): Promise<string> {
  const issuer = cliIssuer(config);
  const session = (await readSessions())[issuer.href];
  if (!session) {
    throw new TokenRefusal(`no one is signed in at ${issuer.href}: run npm run cli -- login`);
  }
  const now = Math.floor(Date.now() / 1000);
  if (session.accessToken && (session.expiresAt ?? 0) - REFRESH_BEFORE_SECONDS > now) {
    return session.accessToken;
  }
  const configuration = await cliConfiguration(issuer);
  let tokens: oidc.TokenEndpointResponse;
  try {
    tokens = await oidc.refreshTokenGrant(configuration, session.refreshToken);
  } catch (error) {
    if (error instanceof oidc.ResponseBodyError && error.error === 'invalid_grant') {
      await keepSession(issuer, undefined);
      throw new TokenRefusal(
        `the sign-in at ${issuer.href} has ended (signed out, revoked or expired): run npm run cli -- login again`,
      );
    }
    throw new TokenRefusal(
      `the identity provider at ${issuer.href} gave no new token (${describeOidcError(error)})`,
    );
  }
  await keepSession(issuer, sessionOf(tokens, session.refreshToken));
  return tokens.access_token;
}

/**
 * `logout`: revokes the refresh token at the issuer (which ends the person's grant to the CLI)
 * and forgets the sign-in. Forgets it even when the issuer cannot be reached, and says so.
 */
export async function logout(config: GatewayConfig, say: (line: string) => void): Promise<void> {
  const issuer = cliIssuer(config);
  const session = (await readSessions())[issuer.href];
  if (!session) {
    say(`no one is signed in at ${issuer.href}: nothing to do`);
    return;
  }
  let revoked: unknown;
  try {
    await oidc.tokenRevocation(await cliConfiguration(issuer), session.refreshToken);
  } catch (error) {
    revoked = error;
  }
  await keepSession(issuer, undefined);
  if (revoked) {
    throw new TokenRefusal(
      `signed out here, but the identity provider at ${issuer.href} did not revoke the sign-in (${revoked instanceof TokenRefusal ? revoked.message : describeOidcError(revoked)}): it ends by itself within 14 days`,
    );
  }
  say(`Signed out of ${issuer.href}.`);
}
