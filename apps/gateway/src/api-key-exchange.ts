import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FailedAttempts } from './failed-attempts.js';

interface Exchanged {
  token: string;
  /** When to ask again (before the token expires). */
  until: number;
}

/** How long an exchanged token is reused: a revoked key stops working within this. */
const REUSE_MS = 60_000;

/**
 * Lets platforms call with `X-Api-Key`: the gateway exchanges the key at the authorization
 * service (`POST /v1/api-keys/token`) for a short-lived bearer token and sends that on, so
 * every subgraph verifies one kind of credential and trusts no plain header. Exchanged tokens
 * are reused for a minute per key (by its hash), and per-client limits count the platform the
 * token names (all keys of a platform are one client). A key the service refuses gets 401 here, and
 * counts against the client's address: after `failuresPerMinute` of them, the address gets 429
 * until the minute ends, before any key it sends is checked, so keys cannot be guessed at speed.
 */
export function acceptApiKeys(
  fastify: FastifyInstance,
  authorizationUrl: string,
  failuresPerMinute: number,
): void {
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
      // Counted as failed until the service says otherwise: a burst of guesses sent at once
      // is refused as soon as it exceeds the limit, not after every guess has been checked.
      failures.fail(request.ip);
      const response = await fetch(`${authorizationUrl}/v1/api-keys/token`, {
        method: 'POST',
        headers: { 'x-api-key': key },
      });
      if (response.status !== 401) failures.forgive(request.ip);
      if (response.status === 401) {
        cache.delete(id);
        return reply
          .code(401)
          .send({ statusCode: 401, message: 'the API key is unknown or revoked' });
      }
      if (!response.ok) {
        return reply
          .code(503)
          .send({ statusCode: 503, message: 'API keys cannot be checked right now' });
      }
      const body = (await response.json()) as { token: string };
      exchanged = { token: body.token, until: Date.now() + REUSE_MS };
      cache.set(id, exchanged);
    }
    request.headers.authorization = `Bearer ${exchanged.token}`;
  });
}
