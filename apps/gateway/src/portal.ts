import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IDENTITY_PREFIXES } from './identity-routes.js';
import { REST_ROUTES } from './rest-routes.js';

/**
 * What the portal's pages may load: only this origin's scripts, styles and API (no inline script,
 * no other site), never framed. Sign-in leaves for the identity provider by navigation.
 */
export const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** Hashed file names never change content: a year, immutable. */
const ASSET_CACHE = 'public, max-age=31536000, immutable';

/** Paths that are the API's, never a page of the portal (an unknown one is a 404, not the app). */
function apiPath(url: string, issuerPath: string): boolean {
  const path = url.split('?')[0]!;
  const prefixes = [
    '/graphql',
    '/health',
    '/metrics',
    '/assets/',
    issuerPath,
    ...IDENTITY_PREFIXES,
    ...REST_ROUTES.map(({ prefix }) => prefix),
    '/v1/',
  ];
  return prefixes.some(
    (prefix) => path === prefix || path.startsWith(`${prefix.replace(/\/$/, '')}/`),
  );
}

/**
 * dist/portal: from this module in the built tree (dist/apps/gateway/src), or, when the sources
 * run (the browser tests start the gateway from apps/gateway/src), the build's dist/portal.
 */
export function builtPortal(): string {
  const besideBuild = fileURLToPath(new URL('../../../portal', import.meta.url));
  if (existsSync(besideBuild)) return besideBuild;
  return fileURLToPath(new URL('../../../dist/portal', import.meta.url));
}

/**
 * Serves the portal (apps/portal, built by Vite into dist/portal) at `/`: its hashed assets under
 * `/assets/` with year-long caching (pre-compressed Brotli and gzip when the browser accepts
 * them), and index.html, revalidated on every visit, for every other page address, so a link to
 * `/works/…` or a reload opens the app there. Unknown API addresses still answer 404.
 */
export async function servePortal(
  fastify: FastifyInstance,
  issuerPath: string,
  root: string = builtPortal(),
): Promise<void> {
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) {
    fastify.get('/', (_request, reply) =>
      reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The portal is not built. Run `npm run build` (npm start builds it).\n'),
    );
    return;
  }
  const index = await readFile(indexFile);
  await fastify.register(fastifyStatic, {
    root: join(root, 'assets'),
    prefix: '/assets/',
    index: false,
    wildcard: true,
    preCompressed: true,
    cacheControl: false,
    etag: true,
    lastModified: false,
    setHeaders: (response) => {
      response.setHeader('cache-control', ASSET_CACHE);
    },
  });
  const sendIndex = (reply: FastifyReply) =>
    reply
      .header('cache-control', 'no-cache')
      .header('content-security-policy', PORTAL_CSP)
      .type('text/html; charset=utf-8')
      .send(index);
  fastify.get('/', (_request, reply) => sendIndex(reply));
  fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    if (apiPath(request.url, issuerPath)) {
      return reply
        .code(404)
        .send({ statusCode: 404, error: 'Not Found', message: 'No such address.' });
    }
    return sendIndex(reply);
  });
}
