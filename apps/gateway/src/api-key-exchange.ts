import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FailedAttempts } from './failed-attempts.js';

interface Exchanged {
  token: string;
  /** When to ask again (before the token expires). */
  until: number;
}

/** How long an exchanged token is reused: a deleted client (revoked key) stops within this. */
const REUSE_MS = 60_000;

/** Seconds before an exchanged token's expiry that it is no longer handed on. */
const EXPIRY_MARGIN_SECONDS = 30;

/**
 * The client an API key became at the identity provider: `apikey-` and the first 32 hex
 * digits of the key's SHA-256 (the provider's rule for keys it took over; the key is the
 * client's secret). Any holder of the key can name its client, no one else can use it.
 */
export function apiKeyClientId(key: string): string {
  return `apikey-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}

/**
 * Where API keys are exchanged: at the identity provider, where every key is a client of its
 * platform. The provider is reached at `identityUrl` (the identity app inside the network,
 * under the issuer's path) when given, else at the issuer itself: the gateway need not go out
 * through its own public address to reach the app it forwards `/oidc` to.
 */
export interface ApiKeyExchange {
  identityIssuer: string;
  identityUrl?: string;
}

type Outcome = { token: string; expiresIn: number } | 'refused' | 'unavailable';

/**
 * Lets platforms call with `X-Api-Key`: every API key is a client of its platform at the
 * identity provider (client credentials, the key as secret), and the gateway gets a token for
 * it at the provider's token endpoint (`<issuer>/token`) and sends that on, so every subgraph
 * verifies one kind of credential (the provider's access tokens) and trusts no plain header.
 * Exchanged tokens are reused for a minute per key (by its hash), and per-client limits count
 * the platform the token names (all keys of a platform are one client). A key refused gets
 * 401 here, and counts against the client's address: after `failuresPerMinute` of them, the
 * address gets 429 until the minute ends, before any key it sends is checked, so keys cannot
 * be guessed at speed.
 */
export function acceptApiKeys(
  fastify: FastifyInstance,
  exchange: ApiKeyExchange,
  failuresPerMinute: number,
): void {
  const exchangeKey = atProvider(exchange);
  const cache = new Map<string, Exchanged>();
  const failures = new FailedAttempts(failuresPerMinute);
  fastify.addHook('onRequest', async (request: FastifyRequest, reply) => {
    const key = request.headers['x-api-key'];
    if (typeof key !== 'string' || request.headers.authorization) return;
    const id = createHash('sha256').update(key).digest('base64url');
    let exchanged = cache.get(id);
    if (!exchanged || exchanged.until < Date.now()) {
      const wait = failures.waitFor(request.ip);
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        return reply
          .code(429)
          .header('retry-after', String(seconds))
          .send({
            statusCode: 429,
            error: 'Too Many Requests',
            message: `too many unknown API keys from this address: at most ${failuresPerMinute} a minute; retry in ${seconds} s`,
          });
      }
      // Counted as failed until the exchange says otherwise: a burst of guesses sent at once
      // is refused as soon as it exceeds the limit, not after every guess has been checked.
      failures.fail(request.ip);
      const outcome = await exchangeKey(key).catch((): Outcome => 'unavailable');
      if (outcome !== 'refused') failures.forgive(request.ip);
      if (outcome === 'refused') {
        cache.delete(id);
        return reply
          .code(401)
          .send({ statusCode: 401, message: 'the API key is unknown or revoked' });
      }
      if (outcome === 'unavailable') {
        return reply
          .code(503)
          .send({ statusCode: 503, message: 'API keys cannot be checked right now' });
      }
      const lifetimeMs = (outcome.expiresIn - EXPIRY_MARGIN_SECONDS) * 1000;
      exchanged = {
        token: outcome.token,
        until: Date.now() + Math.max(0, Math.min(REUSE_MS, lifetimeMs)),
      };
      cache.set(id, exchanged);
    }
    request.headers.authorization = `Bearer ${exchanged.token}`;
  });
}

/** Client credentials at the provider's token endpoint, the key's client id and the key. */
function atProvider({ identityIssuer, identityUrl }: ApiKeyExchange) {
  const issuer = new URL(identityIssuer);
  const base = identityUrl ? new URL(issuer.pathname, identityUrl) : issuer;
  const tokenEndpoint = `${base.href.replace(/\/$/, '')}/token`;
  return async (key: string): Promise<Outcome> => {
    const credentials = `${encodeURIComponent(apiKeyClientId(key))}:${encodeURIComponent(key)}`;
    const response = await fetch(tokenEndpoint, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(credentials).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
    });
    // invalid_client is 401; a client the provider cannot use for this grant is 400.
    if (response.status === 401 || response.status === 400) return 'refused';
    if (!response.ok) return 'unavailable';
    const body = (await response.json()) as { access_token: string; expires_in?: number };
    return { token: body.access_token, expiresIn: body.expires_in ?? 0 };
  };
}
