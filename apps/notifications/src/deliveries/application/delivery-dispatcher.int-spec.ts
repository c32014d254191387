import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { Webhook } from 'standardwebhooks';
import type { DataSource } from 'typeorm';
import { createDataSource } from '#libs/database';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { notificationsDatabase } from '../../notifications.database.js';
import { DEFAULT_ENDPOINT_HEALTH_POLICY } from '../domain/endpoint-health.js';
import { DEFAULT_RETRY_POLICY } from '../domain/retry-schedule.js';
import { DeliveryQueue } from '../infrastructure/delivery-queue.js';
import { MailNoticeKind } from '../../notices/domain/mail-notice-kinds.js';
import { DeliveryStore } from '../infrastructure/delivery-store.js';
import { DEFAULT_SENDER_SETTINGS, WebhookSender } from '../outbound/webhook-sender.js';
import { DeliveryDispatcher, type DispatchSettings } from './delivery-dispatcher.js';

const S = 'notifications';
const SECRET = `whsec_${randomBytes(32).toString('base64')}`;

/** What the receiver saw of one request, and what it answered. */
interface Seen {
  endpoint: string;
  webhookId: string;
  seq: number;
  verified: boolean;
  answered: number | 'held';
}

type Behaviour = (seen: Omit<Seen, 'answered'>, count: number) => number | 'held';

/** Waits until the condition holds (the test's timeout bounds it). */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe(DeliveryDispatcher.name, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let server: http.Server;
  let port: number;
  const seen: Seen[] = [];
  const behaviours = new Map<string, Behaviour>();
  const held: http.ServerResponse[] = [];
  const running: DeliveryDispatcher[] = [];

  beforeAll(async () => {
    database = await createTestDatabase([notificationsDatabase]);
    dataSource = await createDataSource(notificationsDatabase, {
      url: database.url,
      poolSize: 8,
    }).initialize();
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const endpoint = (req.url ?? '').split('/').at(-1)!;
        let verified = true;
        try {
          new Webhook(SECRET).verify(body, req.headers as Record<string, string>);
        } catch {
          verified = false;
        }
        const parsed = JSON.parse(body) as { data: { seq: number } };
        const entry = {
          endpoint,
          webhookId: String(req.headers['webhook-id']),
          seq: parsed.data.seq,
          verified,
        };
        const behaviour = behaviours.get(endpoint) ?? (() => 200);
        const answer = behaviour(entry, seen.filter((s) => s.endpoint === endpoint).length);
        seen.push({ ...entry, answered: answer });
        if (answer === 'held') held.push(res);
        else
          res
            .writeHead(answer, { 'content-type': 'text/plain' })
            .end(answer < 300 ? 'ok' : 'try later');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    for (const res of held) res.destroy();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await dataSource?.destroy();
    await database?.drop();
  });

  beforeEach(async () => {
    await dataSource.query(
      `UPDATE ${S}.webhook_deliveries SET status = 'CANCELLED' WHERE status = 'PENDING'`,
    );
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((dispatcher) => dispatcher.stop()));
  });

  function settings(overrides: Partial<DispatchSettings> = {}): DispatchSettings {
    return {
      concurrency: 16,
      perEndpoint: 2,
      leaseMs: 5000,
      // Far longer than any test: deliveries arrive because the queue's notification woke the dispatcher.
      pollIntervalMs: 120_000,
      retry: { ...DEFAULT_RETRY_POLICY, unitMs: 1 },
      health: DEFAULT_ENDPOINT_HEALTH_POLICY,
      sender: { ...DEFAULT_SENDER_SETTINGS, allowLoopback: true, responseTimeoutMs: 10_000 },
      random: () => 0.5,
      ...overrides,
    };
  }

  async function startDispatcher(overrides: Partial<DispatchSettings> = {}) {
    const dispatchSettings = settings(overrides);
    const dispatcher = new DeliveryDispatcher(
      new DeliveryStore(dataSource),
      new WebhookSender(dispatchSettings.sender),
      dispatchSettings,
      dataSource,
      pino({ level: 'silent' }),
    );
    await dispatcher.start();
    running.push(dispatcher);
    return dispatcher;
  }

  /** An enabled endpoint of a new owner, on the receiver under its own name. */
  async function endpoint(name: string, behaviour?: Behaviour) {
    if (behaviour) behaviours.set(name, behaviour);
    const id = randomUUID();
    const owner = randomUUID();
    await dataSource.query(
      `INSERT INTO ${S}.webhook_endpoints
         (id, owner_party_id, url, event_types, enabled, created_at, created_by, updated_at)
       VALUES ($1, $2, $3, '{}', true, now(), $2, now())`,
      [id, owner, `http://127.0.0.1:${port}/hooks/${name}`],
    );
    await dataSource.query(
      `INSERT INTO ${S}.webhook_secrets (id, endpoint_id, secret, created_at) VALUES ($1, $2, $3, now())`,
      [randomUUID(), id, SECRET],
    );
    return { id, owner, name };
  }

  async function enqueue(owner: string, seq: number, orderingKey = `license-${seq}`) {
    return dataSource.transaction((manager) =>
      new DeliveryQueue().enqueue(manager, {
        ownerPartyId: owner,
        eventType: 'license.revoked',
        orderingKey,
        sourceEventId: randomUUID(),
        occurredAt: new Date(),
        data: { seq },
      }),
    );
  }

  const seenBy = (name: string) => seen.filter((s) => s.endpoint === name);
  const accepted = (name: string) => seenBy(name).filter((s) => s.answered === 200);

  async function deliveriesOf(endpointId: string) {
    return dataSource.query<{ id: string; status: string; attempts: number; message_id: string }[]>(
      `SELECT id::text, status, attempts, message_id FROM ${S}.webhook_deliveries WHERE endpoint_id = $1 ORDER BY id`,
      [endpointId],
    );
  }

  it('should deliver a message as soon as it is queued and log the attempt', async () => {
    await startDispatcher();
    const target = await endpoint('plain');
    const messageId = await enqueue(target.owner, 1);
    await until(() => accepted('plain').length === 1);
    expect(seenBy('plain')).toEqual([
      { endpoint: 'plain', webhookId: messageId, seq: 1, verified: true, answered: 200 },
    ]);
    await until(async () => (await deliveriesOf(target.id))[0]?.status === 'SUCCEEDED');
    const [attempt] = await dataSource.query<Record<string, unknown>[]>(
      `SELECT a.attempt, a.response_status, a.succeeded, a.response_excerpt, a.error, a.latency_ms >= 0 AS timed
         FROM ${S}.webhook_attempts a JOIN ${S}.webhook_deliveries d ON d.id = a.delivery_id
        WHERE d.endpoint_id = $1`,
      [target.id],
    );
    expect(attempt).toEqual({
      attempt: 1,
      response_status: 200,
      succeeded: true,
      response_excerpt: 'ok',
      error: null,
      timed: true,
    });
  });

  it('should retry a failing receiver until it recovers, keeping the order of one license', async () => {
    await startDispatcher();
    const target = await endpoint('flaky', (_seen, count) => (count < 3 ? 500 : 200));
    for (const seq of [1, 2, 3]) await enqueue(target.owner, seq, 'license-A');
    await until(async () => (await deliveriesOf(target.id)).every((d) => d.status === 'SUCCEEDED'));
    expect(accepted('flaky').map((s) => s.seq)).toEqual([1, 2, 3]);
    // No message was sent before the one ahead of it had succeeded.
    expect(seenBy('flaky').map((s) => `${s.seq}:${s.answered}`)).toEqual([
      '1:500',
      '1:500',
      '1:500',
      '1:200',
      '2:200',
      '3:200',
    ]);
    expect(seenBy('flaky').every((s) => s.verified)).toBe(true);
    const deliveries = await deliveriesOf(target.id);
    expect(deliveries.map((d) => [d.status, d.attempts])).toEqual([
      ['SUCCEEDED', 4],
      ['SUCCEEDED', 1],
      ['SUCCEEDED', 1],
    ]);
    const attempts = await dataSource.query<{ response_status: number; error: string | null }[]>(
      `SELECT response_status, error FROM ${S}.webhook_attempts WHERE delivery_id = $1 ORDER BY attempt`,
      [deliveries[0]!.id],
    );
    expect(attempts).toEqual([
      { response_status: 500, error: 'The receiver answered 500 Internal Server Error.' },
      { response_status: 500, error: 'The receiver answered 500 Internal Server Error.' },
      { response_status: 500, error: 'The receiver answered 500 Internal Server Error.' },
      { response_status: 200, error: null },
    ]);
  });

  it('should not let a slow receiver delay another endpoint', async () => {
    await startDispatcher({ perEndpoint: 2 });
    let release = false;
    const slow = await endpoint('slow', () => (release ? 200 : 'held'));
    const fast = await endpoint('fast');
    for (const seq of [1, 2, 3, 4, 5, 6]) await enqueue(slow.owner, seq);
    await until(() => seenBy('slow').length === 2);
    for (const seq of [1, 2, 3, 4, 5]) await enqueue(fast.owner, seq);
    await until(() => accepted('fast').length === 5);
    // The slow endpoint holds its two slots; the fast one went by.
    expect(seenBy('slow')).toHaveLength(2);
    release = true;
    for (const res of held.splice(0)) res.writeHead(200).end('late');
    await until(async () => (await deliveriesOf(slow.id)).every((d) => d.status === 'SUCCEEDED'));
    expect(new Set(accepted('slow').map((s) => s.seq)).size).toBe(4);
  });

  it('should park a delivery once its schedule is exhausted and then let the next of its license go', async () => {
    await startDispatcher({ retry: { ...DEFAULT_RETRY_POLICY, unitMs: 1, retryFor: 200 } });
    const target = await endpoint('stubborn', (s) => (s.seq === 1 ? 503 : 200));
    await enqueue(target.owner, 1, 'license-B');
    await enqueue(target.owner, 2, 'license-B');
    await until(async () => (await deliveriesOf(target.id))[1]?.status === 'SUCCEEDED');
    const [first, second] = await deliveriesOf(target.id);
    expect(first!.status).toBe('PARKED');
    expect(first!.attempts).toBeGreaterThan(1);
    expect(second!.status).toBe('SUCCEEDED');
    const [span] = await dataSource.query<{ ms: number }[]>(
      `SELECT extract(epoch FROM last_attempt_at - first_attempt_at) * 1000 AS ms FROM ${S}.webhook_deliveries WHERE id = $1`,
      [first!.id],
    );
    expect(Number(span!.ms)).toBeGreaterThanOrEqual(200 - 5);
    expect(seenBy('stubborn').at(-1)).toMatchObject({ seq: 2, answered: 200 });
  });

  it('should disable an endpoint failing for long enough, cancel its deliveries and record a notice for its owner', async () => {
    await startDispatcher({ health: { disableAfterMs: 30, minFailedAttempts: 3 } });
    const target = await endpoint('dead', () => 500);
    await enqueue(target.owner, 1);
    await enqueue(target.owner, 2);
    await until(async () => {
      const [row] = await dataSource.query<{ enabled: boolean }[]>(
        `SELECT enabled FROM ${S}.webhook_endpoints WHERE id = $1`,
        [target.id],
      );
      return row?.enabled === false;
    });
    const [row] = await dataSource.query<Record<string, unknown>[]>(
      `SELECT disabled_reason, disabled_at IS NOT NULL AS dated, failed_attempts >= 3 AS counted, failing_since IS NOT NULL AS failing
         FROM ${S}.webhook_endpoints WHERE id = $1`,
      [target.id],
    );
    expect(row).toEqual({ disabled_reason: 'FAILING', dated: true, counted: true, failing: true });
    expect((await deliveriesOf(target.id)).map((d) => d.status)).toEqual([
      'CANCELLED',
      'CANCELLED',
    ]);
    const notices = await dataSource.query<{ kind: string; params: Record<string, unknown> }[]>(
      `SELECT kind, params FROM ${S}.mail_notices WHERE party_id = $1`,
      [target.owner],
    );
    expect(notices).toEqual([
      {
        kind: MailNoticeKind.WEBHOOK_ENDPOINT_DISABLED,
        params: expect.objectContaining({
          endpointId: target.id,
          lastError: 'The receiver answered 500 Internal Server Error.',
        }),
      },
    ]);
  });

  it('should send again, with the same webhook-id, a delivery whose dispatcher died mid-attempt', async () => {
    const target = await endpoint('survivor');
    const messageId = await enqueue(target.owner, 1);
    // A dispatcher claims the delivery and dies before recording anything.
    const {
      deliveries: [claimed],
    } = await new DeliveryStore(dataSource).claim(1, 2, 300, new Date());
    expect(claimed?.messageId).toBe(messageId);
    await startDispatcher();
    await until(() => accepted('survivor').length === 1);
    expect(seenBy('survivor')[0]!.webhookId).toBe(messageId);
    await until(async () => (await deliveriesOf(target.id))[0]?.status === 'SUCCEEDED');
    const attempts = await dataSource.query<{ attempt: number }[]>(
      `SELECT attempt FROM ${S}.webhook_attempts WHERE delivery_id = $1`,
      [claimed!.id],
    );
    expect(attempts).toEqual([{ attempt: 2 }]);
  });

  it('should deliver each message once with two dispatchers claiming at the same time', async () => {
    await startDispatcher({ perEndpoint: 8 });
    await startDispatcher({ perEndpoint: 8 });
    const target = await endpoint('shared');
    const ids = [];
    for (let seq = 1; seq <= 30; seq += 1) ids.push(await enqueue(target.owner, seq));
    await until(async () => (await deliveriesOf(target.id)).every((d) => d.status === 'SUCCEEDED'));
    expect(seenBy('shared')).toHaveLength(30);
    expect(new Set(seenBy('shared').map((s) => s.webhookId))).toEqual(new Set(ids));
  });
});
