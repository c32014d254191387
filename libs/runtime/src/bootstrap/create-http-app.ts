import { createHash, timingSafeEqual } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { BaseConfig } from '#libs/config';
import {
  CORRELATION_ID_HEADER,
  REQUEST_ID_HEADER,
  incomingId,
  requestIdOf,
} from '../logging/request-ids.js';
import { NestPinoLogger } from '../logging/nest-logger.js';
import { answerOversizedGraphql } from '../graphql/body-limit.js';
import { ServiceMetrics } from '../metrics/metrics.js';
import { ClientIdentities, clientKey } from './client-identity.js';
import { loggableUrl } from './loggable-url.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Follows one user action across services and events; defaults to the request id. */
    correlationId: string;
  }
}

/** Probes are called every few seconds: their requests are logged at debug level only. */
const QUIET_URLS = new Set(['/health/live', '/health/ready', '/metrics']);

export interface HttpAppOptions {
  config: BaseConfig;
  /** The service's logger: request lines and `request.log`. */
  logger: Logger;
  /** Receives Nest's own messages; defaults to `logger`. */
  frameworkLogger?: Logger;
}

/**
 * A Nest application on Fastify. Every request gets a request id and a correlation id
 * (caller-supplied when well formed, echoed in response headers), security headers, one JSON
 * log line when it completes, and a sample in `http_request_duration_seconds`. Per-client
 * limits key on the verified caller (see ClientIdentities); `/metrics` is protected (see
 * BaseConfig.METRICS_TOKEN). Not yet listening.
 */
export async function createHttpApp(
  module: DynamicModule,
  { config, logger, frameworkLogger }: HttpAppOptions,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    // `request.ip` is the client's own address behind the proxies named, the peer's otherwise.
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
    loggerInstance: logger,
    // Requests are logged once, on completion, by the onResponse hook below.
    logController: new LogController({
      requestIdLogLabel: 'requestId',
      disableRequestLogging: true,
    }),
    genReqId: requestIdOf,
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    logger: new NestPinoLogger(frameworkLogger ?? logger),
    abortOnError: false,
  });

  const identities = new ClientIdentities(config);
  const fastify = app.getHttpAdapter().getInstance();
  answerOversizedGraphql(fastify, config.BODY_LIMIT_BYTES);
  fastify.decorateRequest('clientKey', function unset(): Promise<string> {
    throw new Error('clientKey is set by the onRequest hook');
  });
  fastify.addHook('onRequest', (request, _reply, done) => {
    let key: Promise<string> | undefined;
    request.clientKey = () => (key ??= identities.keyOf(request));
    done();
  });

  if (config.RATE_LIMIT_PER_MINUTE > 0) {
    await app.register(rateLimit, {
      max: config.RATE_LIMIT_PER_MINUTE,
      timeWindow: 60_000,
      keyGenerator: clientKey,
      allowList: (request) => QUIET_URLS.has(request.url),
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        error: 'Too Many Requests',
        message: `rate limit exceeded: at most ${context.max} requests a minute for this client; retry in ${Math.ceil(context.ttl / 1000)} s`,
      }),
    });
  }
  const metrics = app.get(ServiceMetrics);
  const headers = securityHeaders(config);
  fastify.decorateRequest('correlationId', '');
  fastify.addHook('onRequest', async (request, reply) => {
    request.correlationId = incomingId(request.raw, CORRELATION_ID_HEADER) ?? request.id;
    request.log = request.log.child({ correlationId: request.correlationId });
    void reply.header(REQUEST_ID_HEADER, request.id);
    void reply.header(CORRELATION_ID_HEADER, request.correlationId);
    void reply.headers(headers);
    if (request.url === '/metrics' || request.url.startsWith('/metrics?')) {
      return guardMetrics(config.METRICS_TOKEN, request, reply);
    }
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequestDuration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    const level =
      reply.statusCode >= 500 ? 'error' : QUIET_URLS.has(request.url) ? 'debug' : 'info';
    request.log[level](
      {
        method: request.method,
        ...loggableUrl(request.url),
        statusCode: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    );
  });
  return app;
}

/**
 * Headers every response carries (what @fastify/helmet would send for a JSON API): no MIME
 * sniffing, no framing, no referrer, a CSP that lets nothing load (the answers are JSON and CSV;
 * the page a browser gets at /graphql loads nothing either), HSTS when configured.
 */
export function securityHeaders(
  config: Pick<BaseConfig, 'isDevelopment' | 'HSTS_MAX_AGE_SECONDS'>,
): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'x-permitted-cross-domain-policies': 'none',
    ...(config.isDevelopment
      ? {}
      : {
          'content-security-policy':
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
        }),
    ...(config.HSTS_MAX_AGE_SECONDS > 0
      ? { 'strict-transport-security': `max-age=${config.HSTS_MAX_AGE_SECONDS}; includeSubDomains` }
      : {}),
  };
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * `/metrics` for Prometheus only: with METRICS_TOKEN, a request must carry it as a bearer token
 * (401 otherwise); without, only loopback clients are served. Others get 404, as if there were
 * no such route.
 */
async function guardMetrics(
  token: string | undefined,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply | undefined> {
  if (token === undefined) {
    if (LOOPBACK.test(request.socket.remoteAddress ?? '')) return undefined;
    return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: 'Not Found' });
  }
  const sent = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization?.trim() ?? '')?.[1];
  if (sent !== undefined && timingSafeEqual(digest(sent), digest(token))) return undefined;
  return reply
    .code(401)
    .header('www-authenticate', 'Bearer')
    .send({ statusCode: 401, error: 'Unauthorized', message: 'metrics need the metrics token' });
}

/** Base URL the application actually listens on (resolves port 0; wildcard hosts as loopback). */
export function listeningUrl(app: NestFastifyApplication): string {
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string')
    throw new Error('application is not listening');
  const host =
    address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}
