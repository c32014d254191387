import httpProxy from '@fastify/http-proxy';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { GatewayConfig } from '#libs/config';
import { CORRELATION_ID_HEADER, REQUEST_ID_HEADER, clientKey } from '#libs/runtime';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from './public-errors.js';

/**
 * The HTTP routes of the subgraph services that clients use besides GraphQL, each under the
 * prefix its service serves it at: usage and works files in, CSV exports out. Streamed both ways (a usage
 * file is never held whole here), with the same credentials, rate limit and correlation id as
 * GraphQL, so a client needs one address.
 */
export const REST_ROUTES = [
  { prefix: '/v1/usage-reports', service: 'royalty-distribution' },
  { prefix: '/v1/distribution-batches', service: 'royalty-distribution' },
  { prefix: '/v1/works', service: 'rights-registry' },
] as const;

const UPSTREAM_TIMEOUT_MS = 30 * 60_000;

/**
 * What a service is told of the client's request: its credential (an API key is exchanged for
 * a bearer token first), the body's description and the idempotency key; no cookies, raw API
 * keys or hop-by-hop headers.
 */
const FORWARDED_HEADERS = new Set([
  'host',
  'authorization',
  'content-type',
  'content-length',
  'idempotency-key',
  'accept',
  'user-agent',
]);

export async function forwardRestRoutes(
  app: NestFastifyApplication,
  config: GatewayConfig,
): Promise<void> {
  limitUploads(app, config.UPLOADS_PER_CLIENT);
  for (const { prefix, service } of REST_ROUTES) {
    const upstream = config.subgraphs.find((subgraph) => subgraph.name === service);
    if (!upstream) continue;
    await app.register(httpProxy, {
      upstream: upstream.url,
      prefix,
      rewritePrefix: prefix,
      // A usage report is answered once the whole file is stored: give big files time.
      undici: { headersTimeout: UPSTREAM_TIMEOUT_MS, bodyTimeout: UPSTREAM_TIMEOUT_MS },
      // The gateway logs each request once, on completion.
      disableRequestLogging: true,
      replyOptions: {
        // An unreachable service is a retryable 503 with a sentence, never its address.
        onError: (reply, { error }) => {
          reply.log.warn({ err: error, service }, 'upstream request failed');
          void reply
            .code(503)
            .header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS))
            .send({
              statusCode: 503,
              error: 'Service Unavailable',
              message: `the ${service} service is unavailable right now; retry in a few seconds`,
            });
        },
        rewriteRequestHeaders: (request, headers) => ({
          ...Object.fromEntries(
            Object.entries(headers).filter(([name]) => FORWARDED_HEADERS.has(name)),
          ),
          [REQUEST_ID_HEADER]: request.id,
          [CORRELATION_ID_HEADER]: request.correlationId,
        }),
      },
    });
  }
}

/**
 * At most `limit` usage uploads at once per client (by verified caller, else by address; see
 * clientKey): each holds a database connection of the service while it streams, so a few slow
 * ones from one client must not take them all. More get 429 until one ends. Registered after the
 * API-key exchange, so a key counts as the token it was exchanged for. (The service also caps
 * uploads from all clients together and times out idle ones.)
 */
function limitUploads(app: NestFastifyApplication, limit: number): void {
  if (limit === 0) return;
  const running = new Map<string, number>();
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      if (request.method !== 'POST') return;
      if (!request.url.startsWith('/v1/usage-reports') && !request.url.startsWith('/v1/works'))
        return;
      const client = await clientKey(request);
      const count = running.get(client) ?? 0;
      if (count >= limit) {
        return reply
          .code(429)
          .header('retry-after', '5')
          .send({
            statusCode: 429,
            error: 'Too Many Requests',
            message: `at most ${limit} uploads at a time for this client; retry when one has finished`,
          });
      }
      running.set(client, count + 1);
      reply.raw.once('close', () => {
        const left = (running.get(client) ?? 1) - 1;
        if (left > 0) running.set(client, left);
        else running.delete(client);
      });
    });
}
