import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Fastify, { type FastifyInstance } from 'fastify';
import { PORTAL_CSP, servePortal } from './portal.js';

describe(servePortal.name, () => {
  let root: string;
  let fastify: FastifyInstance;
  const script = 'console.log("portal");'.repeat(50);

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'portal-'));
    await mkdir(path.join(root, 'assets'));
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>portal</title>');
    await writeFile(path.join(root, 'assets', 'index-abc123.js'), script);
    await writeFile(path.join(root, 'assets', 'index-abc123.js.br'), brotliCompressSync(script));
    fastify = Fastify();
    // What the gateway routes besides the portal: the API keeps its own answers.
    fastify.post('/graphql', () => ({ data: {} }));
    await servePortal(fastify, '/oidc', root);
    await fastify.ready();
  });

  afterAll(async () => {
    await fastify?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('should answer every page address with the app, revalidated, under the portal CSP', async () => {
    for (const url of ['/', '/works/123', '/me/money/abc?print=1', '/opt-out-register']) {
      const response = await fastify.inject({ method: 'GET', url });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 200 });
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toBe(PORTAL_CSP);
      expect(response.body).toContain('<title>portal</title>');
    }
  });

  it('should serve hashed assets for a year, pre-compressed when the browser accepts Brotli', async () => {
    const compressed = await fastify.inject({
      method: 'GET',
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(compressed.statusCode).toBe(200);
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(compressed.rawPayload).toString()).toBe(script);

    const plain = await fastify.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('should answer 404, not the app, for unknown API and asset addresses', async () => {
    for (const url of ['/assets/missing.js', '/v1/nothing-here', '/oidc/unknown', '/graphql/x']) {
      const response = await fastify.inject({ method: 'GET', url });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 404 });
      expect(response.body).not.toContain('<title>portal</title>');
    }
  });

  it('should say the portal is not built rather than fail, when dist/portal is missing', async () => {
    const bare = Fastify();
    await servePortal(bare, '/oidc', path.join(root, 'nowhere'));
    const response = await bare.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('npm run build');
    await bare.close();
  });
});
