import type * as oidc from 'openid-client';
import { decodeJwt } from 'jose';
import { useSyncExternalStore } from 'react';
import { sameSitePath } from './return-path';

/**
 * The person signed in to the portal: authorization code + PKCE with the identity provider at
 * the gateway's `/oidc` (the portal is its first-party client `clearinghouse-portal`). The access
 * token lives in memory only; the refresh token (rotated at every use, reuse ends the sign-in)
 * in this tab's sessionStorage, so a reload keeps the person signed in and closing the tab ends it.
 */
export const PORTAL_CLIENT_ID = 'clearinghouse-portal';
export const CALLBACK_PATH = '/auth/callback';
const API_RESOURCE = 'urn:clearinghouse:api';
const SCOPE = 'openid offline_access api';
const REFRESH_KEY = 'clearinghouse.refresh';
const PENDING_KEY = 'clearinghouse.pending-sign-in';

export interface Session {
  accessToken: string;
  /** Seconds since the epoch. */
  expiresAt: number;
  /** The account (`sub`) and the grant it acts as. */
  account: string;
  role?: 'OPERATOR' | 'SOCIETY_ADMIN' | 'RIGHT_HOLDER' | 'PLATFORM';
  party?: string;
  idToken?: string;
}

let current: Session | undefined;
let restoring: Promise<void> | undefined;
const listeners = new Set<() => void>();

function publish(next: Session | undefined): void {
  current = next;
  for (const listener of listeners) listener();
}

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

let configuration: Promise<oidc.Configuration> | undefined;

/** The OpenID client library, loaded on first use: public pages that never sign in skip it. */
function client(): Promise<typeof oidc> {
  return import('openid-client');
}

/**
 * The provider's metadata, read through this origin (the gateway forwards `/oidc`). The issuer it
 * names may be another origin of the same gateway (127.0.0.1 vs localhost): sign-in then moves
 * the browser to the issuer's origin first, where the portal's redirect address is registered.
 */
async function provider(): Promise<oidc.Configuration> {
  configuration ??= (async () => {
    const oidc = await client();
    const response = await fetch('/oidc/.well-known/openid-configuration');
    if (!response.ok) throw new Error(`identity provider answered ${response.status}`);
    const metadata = (await response.json()) as oidc.ServerMetadata;
    const config = new oidc.Configuration(metadata, PORTAL_CLIENT_ID, undefined, oidc.None());
    if (new URL(metadata.issuer).protocol === 'http:') oidc.allowInsecureRequests(config);
    return config;
  })();
  configuration.catch(() => (configuration = undefined));
  return configuration;
}

function sessionOf(tokens: oidc.TokenEndpointResponse, previousIdToken?: string): Session {
  const claims = decodeJwt(tokens.access_token);
  if (tokens.refresh_token) storage()?.setItem(REFRESH_KEY, tokens.refresh_token);
  return {
    accessToken: tokens.access_token,
    expiresAt: claims.exp ?? Math.floor(Date.now() / 1000) + (tokens.expires_in ?? 60),
    account: String(claims.sub),
    role: claims.role as Session['role'],
    party: typeof claims.party === 'string' ? claims.party : undefined,
    idToken: tokens.id_token ?? previousIdToken,
  };
}

/** Sends the browser to the provider's sign-in page; it comes back to `returnTo`. */
export async function signIn(
  returnTo: string,
  language: string,
  screen?: 'sign-up',
): Promise<void> {
  const oidc = await client();
  const config = await provider();
  const issuerOrigin = new URL(config.serverMetadata().issuer).origin;
  if (issuerOrigin !== window.location.origin) {
    window.location.assign(`${issuerOrigin}/auth/sign-in?return=${encodeURIComponent(returnTo)}`);
    return;
  }
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  storage()?.setItem(PENDING_KEY, JSON.stringify({ verifier, state, returnTo }));
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: `${window.location.origin}${CALLBACK_PATH}`,
    scope: SCOPE,
    resource: API_RESOURCE,
    state,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ui_locales: language,
    ...(screen === 'sign-up' ? { screen_hint: 'sign-up' } : {}),
  });
  window.location.assign(url.href);
}

/** Completes the sign-in the provider sent back here; answers where the person was going. */
export async function completeSignIn(callback: URL): Promise<string> {
  const oidc = await client();
  const pending = storage()?.getItem(PENDING_KEY);
  storage()?.removeItem(PENDING_KEY);
  if (!pending) throw new Error('no sign-in was started in this tab');
  const { verifier, state, returnTo } = JSON.parse(pending) as {
    verifier: string;
    state: string;
    returnTo: string;
  };
  const tokens = await oidc.authorizationCodeGrant(await provider(), callback, {
    pkceCodeVerifier: verifier,
    expectedState: state,
  });
  publish(sessionOf(tokens));
  return sameSitePath(returnTo) ?? '/';
}

/** A fresh access token (refreshed when less than a minute is left), or undefined when signed out. */
export async function accessToken(): Promise<string | undefined> {
  await restoring;
  if (current && current.expiresAt - Date.now() / 1000 > 60) return current.accessToken;
  return (await refresh())?.accessToken;
}

let refreshing: Promise<Session | undefined> | undefined;

/** Uses the refresh token once (callers share one refresh), or ends the session when it fails. */
export function refresh(): Promise<Session | undefined> {
  refreshing ??= (async () => {
    const token = storage()?.getItem(REFRESH_KEY);
    if (!token) {
      publish(undefined);
      return undefined;
    }
    try {
      const oidc = await client();
      const tokens = await oidc.refreshTokenGrant(await provider(), token, {
        resource: API_RESOURCE,
      });
      const session = sessionOf(tokens, current?.idToken);
      publish(session);
      return session;
    } catch {
      storage()?.removeItem(REFRESH_KEY);
      publish(undefined);
      return undefined;
    }
  })().finally(() => (refreshing = undefined));
  return refreshing;
}

/** Signs out of the portal and of the provider, then comes back to the home page. */
export async function signOut(): Promise<void> {
  const oidc = await client();
  const token = storage()?.getItem(REFRESH_KEY);
  const idToken = current?.idToken;
  storage()?.removeItem(REFRESH_KEY);
  publish(undefined);
  const config = await provider();
  if (token) await oidc.tokenRevocation(config, token).catch(() => undefined);
  const url = oidc.buildEndSessionUrl(config, {
    post_logout_redirect_uri: `${window.location.origin}/`,
    ...(idToken ? { id_token_hint: idToken } : {}),
  });
  window.location.assign(url.href);
}

/** On load: a refresh token kept in this tab signs the person in again. */
export function restoreSession(): Promise<void> {
  restoring ??= storage()?.getItem(REFRESH_KEY)
    ? refresh().then(() => undefined)
    : Promise.resolve();
  return restoring;
}

/** Whether the restore on load is done (so pages know "signed out" from "not known yet"). */
let restored = false;
export function sessionKnown(): boolean {
  return restored;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The session as a React value: undefined when signed out. */
export function useSession(): { session: Session | undefined; known: boolean } {
  const session = useSyncExternalStore(subscribe, () => current);
  const known = useSyncExternalStore(subscribe, () => restored);
  return { session, known };
}

export function markRestored(): void {
  restored = true;
  for (const listener of listeners) listener();
}

/** For the session after a change of grant (a new right holder): refresh to get the new role. */
export async function renewSession(): Promise<Session | undefined> {
  return refresh();
}
