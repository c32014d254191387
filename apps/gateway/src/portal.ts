import send from '@fastify/send';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
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

function notFound(reply: FastifyReply): FastifyReply {
  return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: 'No such address.' });
}

/** Brotli, else gzip, when the browser accepts it (and does not refuse it with q=0). */
function preferredEncoding(header: string | string[] | undefined): 'br' | 'gzip' | undefined {
  const accepted = new Set(
    String(header ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || !/^\s*q=0(\.0*)?\s*$/.test(q))
      .map(([token]) => token!.trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return undefined;
}

/**
 * dist/portal, from this module in the built tree (dist/apps/gateway/src), or from the source
 * tree (apps/gateway/src) when tests run the gateway from its sources.
 */
export function builtPortal(): string {
  const built = import.meta.url.includes('/dist/apps/gateway/');
  return fileURLToPath(
    new URL(built ? '../../../portal' : '../../../dist/portal', import.meta.url),
  );
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
  const assets = join(root, 'assets');
  fastify.get('/assets/*', async (request: FastifyRequest, reply: FastifyReply) => {
    const name = (request.params as { '*': string })['*'];
    // Hashed names only: letters, digits, dot, dash and underscore, no folders.
    if (!/^[\w.-]+$/.test(name) || name.startsWith('.')) return notFound(reply);
    const encoding = preferredEncoding(request.headers['accept-encoding']);
    const candidates = [
      ...(encoding === 'br' ? [{ file: `${name}.br`, encoding: 'br' }] : []),
      ...(encoding !== undefined ? [{ file: `${name}.gz`, encoding: 'gzip' }] : []),
      { file: name, encoding: undefined },
    ];
    for (const candidate of candidates) {
      if (!existsSync(join(assets, candidate.file))) continue;
      const sent = await send(request.raw, candidate.file, {
        root: assets,
        dotfiles: 'deny',
        index: false,
        cacheControl: false,
        lastModified: false,
        contentType: false,
        acceptRanges: candidate.encoding === undefined,
      });
      if (sent.statusCode >= 400) continue;
      void reply
        .code(sent.statusCode)
        .headers(sent.headers)
        .header('cache-control', ASSET_CACHE)
        .header('vary', 'accept-encoding')
        .type(send.mime.getType(extname(name)) ?? 'application/octet-stream');
      if (candidate.encoding) void reply.header('content-encoding', candidate.encoding);
      return reply.send(sent.stream);
    }
    return notFound(reply);
  });
  const sendIndex = (reply: FastifyReply) =>
    reply
      .header('cache-control', 'no-cache')
      .header('content-security-policy', PORTAL_CSP)
      .type('text/html; charset=utf-8')
      .send(index);
  fastify.get('/', (_request, reply) => sendIndex(reply));
  fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    if (apiPath(request.url, issuerPath)) return notFound(reply);
    return sendIndex(reply);
  });
}
