import { randomBytes, createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Language } from '../../accounts/domain/language.js';
import { IdentityConfig } from '../../identity.config.js';
import { OidcProviderHost } from '../../oidc/infrastructure/oidc-provider.host.js';
import {
  ACCOUNT_CALLBACK_PATH,
  ACCOUNT_PAGES_CLIENT_ID,
} from '../../oidc/infrastructure/provider-configuration.js';

/** The person signed in to the provider in this browser, and the session that says so. */
export interface BrowserSession {
  accountId: string;
  /** The provider's session id: the account pages' forms are bound to it. */
  sessionId: string;
  /** When the person signed in for this session (its `auth_time`), if it says. */
  signedInAt?: Date;
}

/**
 * Recognises the person on the identity app's own pages by the provider's own session (its
 * session cookie, read through the provider), and sends a stranger to sign in with an
 * authorization request of the account pages' first-party client.
 */
@Injectable()
export class SignedIn {
  constructor(
    private readonly host: OidcProviderHost,
    private readonly config: IdentityConfig,
  ) {}

  async session(request: FastifyRequest, reply: FastifyReply): Promise<BrowserSession | undefined> {
    const provider = this.host.current;
    const ctx = provider.createContext(request.raw, reply.raw);
    const session = await provider.Session.get(ctx);
    if (!session.accountId) return undefined;
    const authTime = session.authTime();
    return {
      accountId: session.accountId,
      sessionId: session.jti,
      signedInAt: authTime === undefined ? undefined : new Date(authTime * 1000),
    };
  }

  /**
   * Signs this browser out: the provider's session ends (its record is deleted, so the cookie
   * names nothing). Tokens given to applications stay theirs until they expire or are revoked.
   */
  async signOut(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const provider = this.host.current;
    const session = await provider.Session.get(provider.createContext(request.raw, reply.raw));
    if (session.accountId) await session.destroy();
  }

  /**
   * Where to sign in: the provider's authorization endpoint for the account pages' client. Its
   * code is never redeemed (the pages read the session the sign-in leaves); PKCE is required of
   * every client, so the request carries a challenge of a verifier no one keeps.
   */
  signInUrl(lang: Language): string {
    const origin = new URL(this.config.issuer).origin;
    const url = new URL(`${this.config.issuer.replace(/\/$/, '')}/auth`);
    const verifier = randomBytes(32).toString('base64url');
    url.searchParams.set('client_id', ACCOUNT_PAGES_CLIENT_ID);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('scope', 'openid');
    url.searchParams.set('redirect_uri', new URL(ACCOUNT_CALLBACK_PATH, origin).href);
    url.searchParams.set(
      'code_challenge',
      createHash('sha256').update(verifier).digest('base64url'),
    );
    url.searchParams.set('code_challenge_method', 'S256');
    url.searchParams.set('ui_locales', lang);
    return url.href;
  }
}
