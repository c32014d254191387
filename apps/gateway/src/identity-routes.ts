import httpProxy from '@fastify/http-proxy';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { GATEWAY_CREDENTIAL_HEADER } from '#libs/auth';
import type { GatewayConfig } from '#libs/config';
import { CORRELATION_ID_HEADER, REQUEST_ID_HEADER } from '#libs/runtime';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from './public-errors.js';

/**
 * What the identity app serves to browsers and clients through the gateway: the sign-in
 * interaction, the pages mailed links open and their style sheet, and its HTTP API (platform
 * clients, the signed-in person's own account, grants and invitations).
 */
export const IDENTITY_PREFIXES = [
  '/interaction',
  '/account',
  '/pages',
  '/v1/clients',
  '/v1/me',
  '/v1/grants',
  '/v1/invitations',
] as const;

/** Headers a client may not set on what reaches the identity app: the gateway sets them. */
const GATEWAY_SET = [
  GATEWAY_CREDENTIAL_HEADER,
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-api-key',
];

/**
 * Forwards the OpenID Provider (under the path of the identity issuer, `/oidc`) and the
 * identity app's pages and routes (`IDENTITY_PREFIXES`) to the identity app, so clients see one address and the
 * issuer is the gateway's. The request reaches the app with the `Host` of the issuer (the
 * provider builds its endpoint URLs from it; a client's own Host header never shapes them),
 * cookies and credentials untouched, and the client's address and scheme in `X-Forwarded-For`
 * and `X-Forwarded-Proto` together with the gateway's credential: the identity app trusts
 * forwarded headers only on requests that carry it (any a client sends are dropped here).
 */
export async function forwardIdentityRoutes(
  app: NestFastifyApplication,
  config: GatewayConfig,
  subgraphSecret: string,
): Promise<void> {
  const issuer = new URL(config.identityIssuer);
  const prefixes = [issuer.pathname.replace(/\/$/, ''), ...IDENTITY_PREFIXES];
  for (const prefix of prefixes) {
    await app.register(httpProxy, {
      upstream: config.identityUrl,
      prefix,
      rewritePrefix: prefix,
      disableRequestLogging: true,
      replyOptions: {
        onError: (reply, { error }) => {
          reply.log.warn({ err: error, service: 'identity' }, 'upstream request failed');
          void reply.code(503).header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS)).send({
            statusCode: 503,
            error: 'Service Unavailable',
            message: 'the identity service is unavailable right now; retry in a few seconds',
          });
        },
        rewriteRequestHeaders: (request, headers) => {
          const forwarded = Object.fromEntries(
            Object.entries(headers).filter(([name]) => !GATEWAY_SET.includes(name)),
          );
          return {
            ...forwarded,
            host: issuer.host,
            'x-forwarded-for': request.ip,
            'x-forwarded-host': issuer.host,
            'x-forwarded-proto': issuer.protocol.replace(':', ''),
            [GATEWAY_CREDENTIAL_HEADER]: subgraphSecret,
            [REQUEST_ID_HEADER]: request.id,
            [CORRELATION_ID_HEADER]: request.correlationId,
          };
        },
      },
    });
  }
}
