import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { BaseConfig } from '#libs/config';
import {
  CORRELATION_ID_HEADER,
  REQUEST_ID_HEADER,
  incomingId,
  requestIdOf,
} from '../logging/request-ids.js';
import { NestPinoLogger } from '../logging/nest-logger.js';
import { ServiceMetrics } from '../metrics/metrics.js';

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
 * (caller-supplied when well formed, echoed in response headers), one JSON log line when it
 * completes, and a sample in `http_request_duration_seconds`. Not yet listening.
 */
export async function createHttpApp(
  module: DynamicModule,
  { config, logger, frameworkLogger }: HttpAppOptions,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
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
  const fastify = app.getHttpAdapter().getInstance();
  fastify.decorateRequest('correlationId', '');
  fastify.addHook('onRequest', async (request, reply) => {
    request.correlationId = incomingId(request.raw, CORRELATION_ID_HEADER) ?? request.id;
    request.log = request.log.child({ correlationId: request.correlationId });
    void reply.header(REQUEST_ID_HEADER, request.id);
    void reply.header(CORRELATION_ID_HEADER, request.correlationId);
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
        url: request.url,
        statusCode: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    );
  });
  return app;
}

/** Who is calling, for per-client limits: the credential (hashed), else the address. */
export function clientKey(request: FastifyRequest): string {
  const credential = request.headers.authorization ?? request.headers['x-api-key'];
  return typeof credential === 'string'
    ? createHash('sha256').update(credential).digest('base64url')
    : request.ip;
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
