import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, webcrypto } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as x509 from '@peculiar/x509';
import { Webhook } from 'standardwebhooks';
import type { LookupAll } from './target-address.js';
import {
  DEFAULT_SENDER_SETTINGS,
  WebhookSender,
  type OutgoingWebhook,
  type WebhookSenderSettings,
} from './webhook-sender.js';

const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;
const OLD_SECRET = newSecret();
const NEW_SECRET = newSecret();

/** One request as the receiver saw it, and whether the specification's library verified it. */
interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  verifiedWith: string[];
}

/**
 * A receiver on 127.0.0.1 whose answer depends on the path; it verifies each request with the
 * Standard Webhooks library against each secret it knows.
 */
function receiverHandler(
  received: Received[],
  held: http.ServerResponse[],
  huge: Promise<boolean>[],
) {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      const verifiedWith = [OLD_SECRET, NEW_SECRET].filter((secret) => {
        try {
          new Webhook(secret).verify(body, req.headers as Record<string, string>);
          return true;
        } catch {
          return false;
        }
      });
      received.push({ path, headers: req.headers, body, verifiedWith });
      if (path === '/fail') {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('database down');
      } else if (path === '/slow') {
        held.push(res);
      } else if (path === '/redirect') {
        res.writeHead(302, { location: '/ok' }).end();
      } else if (path === '/huge') {
        // Far more than is read: the sender closes the connection before the end.
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        huge.push(new Promise((resolve) => res.once('close', () => resolve(res.writableFinished))));
        const chunk = Buffer.from('あ'.repeat(20_000));
        let left = 2000;
        const write = () => {
          while (left > 0 && !res.destroyed) {
            left -= 1;
            if (!res.write(chunk)) return void res.once('drain', write);
          }
          if (!res.destroyed) res.end();
        };
        write();
      } else {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
      }
    });
  };
}

const listen = async (server: http.Server | https.Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

/** A self-signed certificate for receiver.test, made for this run. */
async function selfSignedCertificate() {
  x509.cryptoProvider.set(webcrypto);
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=receiver.test',
    notBefore: new Date(Date.now() - 60_000),
    notAfter: new Date(Date.now() + 3600_000),
    keys,
    signingAlgorithm: algorithm,
    extensions: [
      new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'receiver.test' }]),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const key = `-----BEGIN PRIVATE KEY-----\n${pkcs8.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END PRIVATE KEY-----\n`;
  return { cert: certificate.toString('pem'), key };
}

async function setup() {
  const received: Received[] = [];
  const held: http.ServerResponse[] = [];
  const huge: Promise<boolean>[] = [];
  const handler = receiverHandler(received, held, huge);
  const server = http.createServer(handler);
  const port = await listen(server);
  const tls = await selfSignedCertificate();
  const secureServer = https.createServer(tls, handler);
  const securePort = await listen(secureServer);
  const settings: WebhookSenderSettings = {
    ...DEFAULT_SENDER_SETTINGS,
    allowLoopback: true,
    responseTimeoutMs: 500,
    ca: tls.cert,
  };
  /** receiver.test exists only here, and answers the receiver's loopback address. */
  const lookups: string[] = [];
  const lookupAll: LookupAll = (hostname) => {
    lookups.push(hostname);
    if (hostname === 'receiver.test') return Promise.resolve([{ address: '127.0.0.1', family: 4 }]);
    if (hostname === 'internal.test') return Promise.resolve([{ address: '10.1.2.3', family: 4 }]);
    return Promise.reject(new Error('ENOTFOUND'));
  };
  const sut = new WebhookSender(settings, lookupAll);
  const base = `http://127.0.0.1:${port}`;
  const message = (path: string, secrets: string[] = [OLD_SECRET]): OutgoingWebhook => ({
    url: `${base}${path}`,
    messageId: `msg_${randomBytes(8).toString('hex')}`,
    body: JSON.stringify({ type: 'license.revoked', data: { licenseId: 'lic-1', note: '著作権' } }),
    secrets,
  });
  const teardown = async () => {
    for (const res of held) res.destroy();
    sut.close();
    server.closeAllConnections();
    secureServer.closeAllConnections();
    await Promise.all([
      new Promise((resolve) => server.close(resolve)),
      new Promise((resolve) => secureServer.close(resolve)),
    ]);
  };
  return {
    sut,
    received,
    held,
    huge,
    message,
    base,
    port,
    securePort,
    settings,
    lookups,
    teardown,
  };
}

describe(WebhookSender.name, () => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    ctx = await setup();
  });
  afterAll(async () => {
    await ctx.teardown();
  });

  it('should deliver a signed message the specification library verifies', async () => {
    const webhook = ctx.message('/ok');
    const result = await ctx.sut.send(webhook);
    expect(result).toMatchObject({
      ok: true,
      status: 200,
      excerpt: '{"received":true}',
      error: null,
    });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    const request = ctx.received.find((r) => r.headers['webhook-id'] === webhook.messageId)!;
    expect(request.verifiedWith).toEqual([OLD_SECRET]);
    expect(request.body).toBe(webhook.body);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['user-agent']).toMatch(/^Clearinghouse-Webhooks\//);
    expect(request.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
    expect(
      new Webhook(OLD_SECRET).verify(request.body, request.headers as Record<string, string>),
    ).toEqual(JSON.parse(webhook.body));
  });

  it('should sign with every active secret so a receiver in the middle of a rotation verifies with either', async () => {
    const webhook = ctx.message('/ok', [OLD_SECRET, NEW_SECRET]);
    await expect(ctx.sut.send(webhook)).resolves.toMatchObject({ ok: true });
    const request = ctx.received.find((r) => r.headers['webhook-id'] === webhook.messageId)!;
    expect(String(request.headers['webhook-signature']).split(' ')).toHaveLength(2);
    // The receiver knowing only the old secret verifies, and so does one knowing only the new.
    expect(request.verifiedWith).toEqual([OLD_SECRET, NEW_SECRET]);
    // After the overlap only the new secret signs: a receiver still on the old one refuses.
    const after = ctx.message('/ok', [NEW_SECRET]);
    await ctx.sut.send(after);
    const later = ctx.received.find((r) => r.headers['webhook-id'] === after.messageId)!;
    expect(later.verifiedWith).toEqual([NEW_SECRET]);
  });

  it('should report a failing answer with its status and an excerpt', async () => {
    await expect(ctx.sut.send(ctx.message('/fail'))).resolves.toMatchObject({
      ok: false,
      status: 500,
      excerpt: 'database down',
      error: 'The receiver answered 500 Internal Server Error.',
    });
  });

  it('should give up on a receiver that does not answer in time', async () => {
    const before = ctx.held.length;
    await expect(ctx.sut.send(ctx.message('/slow'))).resolves.toMatchObject({
      ok: false,
      status: null,
      excerpt: null,
      error: 'The receiver did not answer within 0.5 s.',
    });
    expect(ctx.held.length).toBe(before + 1);
  });

  it('should not follow a redirect', async () => {
    const count = () => ctx.received.filter((r) => r.path === '/ok').length;
    const before = count();
    await expect(ctx.sut.send(ctx.message('/redirect'))).resolves.toMatchObject({
      ok: false,
      status: 302,
      error: 'The receiver answered 302 Found; redirects are not followed.',
    });
    expect(count()).toBe(before);
  });

  it('should read only the start of a huge answer and keep a short excerpt cut between characters', async () => {
    const result = await ctx.sut.send(ctx.message('/huge'));
    expect(result).toMatchObject({ ok: true, status: 200, error: null });
    // 1024 bytes hold 341 whole three-byte characters; the excerpt keeps 256 of them.
    expect(result.excerpt).toBe('あ'.repeat(256));
    // The receiver never got to send the whole body (120 MB): the connection was closed.
    expect(ctx.huge).toHaveLength(1);
    await expect(ctx.huge[0]).resolves.toBe(false);
  });

  it('should refuse a private target without making any request', async () => {
    const count = ctx.received.length;
    const production = new WebhookSender({ ...ctx.settings, allowLoopback: false });
    try {
      await expect(
        production.send({ ...ctx.message('/ok'), url: `https://127.0.0.1:${ctx.securePort}/ok` }),
      ).resolves.toEqual({
        ok: false,
        status: null,
        latencyMs: 0,
        excerpt: null,
        error:
          '127.0.0.1 is a loopback address (this machine); webhooks are delivered only to public internet addresses.',
      });
      await expect(
        production.send({ ...ctx.message('/ok'), url: `http://127.0.0.1:${ctx.port}/ok` }),
      ).resolves.toMatchObject({ ok: false, error: 'The URL must start with https://.' });
      await expect(
        ctx.sut.send({ ...ctx.message('/ok'), url: 'https://[::ffff:10.0.0.1]/ok' }),
      ).resolves.toMatchObject({
        ok: false,
        error: expect.stringContaining('private network address'),
      });
      await expect(
        ctx.sut.send({ ...ctx.message('/ok'), url: `https://internal.test:${ctx.securePort}/ok` }),
      ).resolves.toMatchObject({
        ok: false,
        error:
          'internal.test resolves to 10.1.2.3, a private network address (RFC 1918); webhooks are delivered only to public internet addresses.',
      });
      await expect(
        ctx.sut.send({ ...ctx.message('/ok'), url: 'https://169.254.169.254/latest/meta-data/' }),
      ).resolves.toMatchObject({ ok: false, error: expect.stringContaining('cloud metadata') });
    } finally {
      production.close();
    }
    expect(ctx.received.length).toBe(count);
  });

  it('should deliver over https to the checked address with the name in SNI and Host', async () => {
    const webhook = { ...ctx.message('/ok'), url: `https://receiver.test:${ctx.securePort}/ok` };
    await expect(ctx.sut.send(webhook)).resolves.toMatchObject({ ok: true, status: 200 });
    const request = ctx.received.find((r) => r.headers['webhook-id'] === webhook.messageId)!;
    expect(request.headers.host).toBe(`receiver.test:${ctx.securePort}`);
    expect(request.verifiedWith).toEqual([OLD_SECRET]);
    expect(ctx.lookups).toContain('receiver.test');
  });

  it('should refuse a certificate it does not trust', async () => {
    const untrusting = new WebhookSender({ ...ctx.settings, ca: undefined }, () =>
      Promise.resolve([{ address: '127.0.0.1', family: 4 }]),
    );
    try {
      await expect(
        untrusting.send({
          ...ctx.message('/ok'),
          url: `https://receiver.test:${ctx.securePort}/ok`,
        }),
      ).resolves.toMatchObject({
        ok: false,
        status: null,
        error: expect.stringMatching(/^The receiver's TLS certificate was not accepted/),
      });
    } finally {
      untrusting.close();
    }
  });

  it('should say so when the receiver refuses the connection', async () => {
    const closed = http.createServer();
    const port = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    await expect(
      ctx.sut.send({ ...ctx.message('/ok'), url: `http://127.0.0.1:${port}/ok` }),
    ).resolves.toMatchObject({
      ok: false,
      status: null,
      error: 'The receiver refused the connection.',
    });
  });

  it('should send many messages at once, each signed for itself', async () => {
    const webhooks = Array.from({ length: 40 }, () => ctx.message('/ok', [NEW_SECRET]));
    const results = await Promise.all(webhooks.map((w) => ctx.sut.send(w)));
    expect(results.every((r) => r.ok)).toBe(true);
    for (const webhook of webhooks) {
      const request = ctx.received.find((r) => r.headers['webhook-id'] === webhook.messageId)!;
      expect(request.verifiedWith).toEqual([NEW_SECRET]);
    }
  });
});
