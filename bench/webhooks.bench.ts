import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { Tokens } from '#libs/auth';
import { Role } from '#libs/contracts';
import { createTestDatabase, startWebhookReceiver } from '#libs/testing';
import {
  caughtUp,
  startServiceProcess,
  startServiceProcesses,
  type ServiceProcess,
} from '../test/support/service-processes.js';
import {
  machine,
  percentile,
  recordResults,
  round,
  withBenchDatabase,
  type BenchmarkSuite,
} from './harness.js';

const OPT_OUTS = Number(process.env.BENCH_WEBHOOK_OPT_OUTS ?? 40);
const DELIVERIES = Number(process.env.BENCH_WEBHOOK_DELIVERIES ?? 2000);
const CONCURRENCY = 16;

/**
 * Webhooks, across processes on one PostgreSQL: the time from an opt-out's registration to the
 * signed `license.revoked` at the platform's receiver, against the time until the revoked
 * license shows in the authorization service (the same opt-out, measured in the same run);
 * and deliveries per second from the notifications process to a local receiver, against a
 * plain HTTP POST loop of the same bodies at the same concurrency.
 */
export const webhooksBenchmark: BenchmarkSuite = {
  name: 'webhooks',
  description: 'opt-out to signed webhook p50/p99; deliveries per second vs plain POST loop',
  run: () =>
    withBenchDatabase([], async () => {
      const latency = await optOutToWebhook();
      const throughput = await deliveriesPerSecond();
      const markdown = [
        '## webhooks',
        '',
        `\`npm run bench -- webhooks\`, ${new Date().toISOString().slice(0, 10)}, ${machine()}, PostgreSQL event log, each service its own process.`,
        '',
        '| measure | p50 | p99 | baseline p50 | baseline p99 | ratio (p50) |',
        '|---|---|---|---|---|---|',
        `| opt-out registered to signed \`license.revoked\` received (${OPT_OUTS} opt-outs) | ${round(percentile(latency.webhook, 50), 0)} ms | ${round(percentile(latency.webhook, 99), 0)} ms | ${round(percentile(latency.revoked, 50), 0)} ms | ${round(percentile(latency.revoked, 99), 0)} ms | ${round(percentile(latency.webhook, 50) / percentile(latency.revoked, 50))} |`,
        '',
        'Baseline: the same opt-out until `license(id) { status }` answers REVOKED (polled every 5 ms). Target: p99 under 1 s.',
        '',
        '| measure | per second | baseline per second | ratio |',
        '|---|---|---|---|',
        `| signed deliveries to a local receiver (${DELIVERIES}, endpoint concurrency ${CONCURRENCY}) | ${round(throughput.deliveries, 0)} | ${round(throughput.plain, 0)} | ${round(throughput.deliveries / throughput.plain)} |`,
        '',
        'Baseline: a plain `fetch` POST loop of the same bodies to the same receiver at the same concurrency, from the benchmark process (no queue, no signature, no log).',
      ].join('\n');
      await recordResults('webhooks', markdown);
      return markdown;
    }),
};

async function optOutToWebhook(): Promise<{ webhook: number[]; revoked: number[] }> {
  const database = await createTestDatabase();
  const secret = randomBytes(32).toString('hex');
  const tokens = new Tokens(secret);
  const env = { DATABASE_URL: database.url, AUTH_JWT_SECRET: secret, LOG_LEVEL: 'error' };
  const services: ServiceProcess[] = [];
  const receiver = await startWebhookReceiver();
  try {
    const [registry, optOut, authorization, notifications] = await startServiceProcesses(
      ['rights-registry', 'opt-out', 'authorization', 'notifications'],
      { ...env, WEBHOOK_ALLOW_LOOPBACK: 'true' },
    );
    services.push(registry, optOut, authorization, notifications);
    const operator = await tokens.issue({ role: Role.OPERATOR, partyId: randomUUID() }, 3600);
    const register = async (kind: string, name: string) =>
      (
        await registry.graphql<{ registerParty: { id: string } }>(
          'mutation ($kind: PartyKind!, $name: String!) { registerParty(input: { kind: $kind, name: $name }) { id } }',
          { kind, name },
          operator,
        )
      ).data!.registerParty.id;
    const society = await register('SOCIETY', 'Bench Society');
    const platformId = await register('PLATFORM', 'Bench Platform');
    const platform = await tokens.issue({ role: Role.PLATFORM, partyId: platformId }, 3600);
    const pairs: { holder: string; work: string }[] = [];
    for (let n = 0; n < OPT_OUTS; n += 1) {
      const holder = await register('RIGHT_HOLDER', `Holder ${n}`);
      const work = (
        await registry.graphql<{ registerWork: { id: string } }>(
          `mutation ($holder: ID!, $title: String!) { registerWork(input: { title: $title, category: MUSIC,
             shares: [{ holderId: $holder, rightType: MAKING_AVAILABLE, shareBps: 10000 }] }) { id } }`,
          { holder, title: `Webhook ${n}` },
          operator,
        )
      ).data!.registerWork.id;
      pairs.push({ holder, work });
    }
    await Promise.all([
      caughtUp(authorization, 60_000),
      caughtUp(optOut, 60_000),
      caughtUp(notifications, 60_000),
    ]);
    await authorization.graphql(
      `mutation ($society: ID!) { createEclScheme(input: { societyId: $society, category: MUSIC,
         useTypes: [STREAM], territories: ["JP"], rightType: MAKING_AVAILABLE,
         unitRateMinor: "2", currency: "JPY", coversUnidentified: true }) { id } }`,
      { society },
      operator,
    );
    const endpoint = await notifications.graphql<{
      createWebhookEndpoint: { secret: string };
    }>(
      `mutation ($url: String!) { createWebhookEndpoint(input: { url: $url, eventTypes: ["license.revoked"] }) { secret } }`,
      { url: receiver.url },
      platform,
    );
    if (endpoint.errors) throw new Error(JSON.stringify(endpoint.errors));
    receiver.secrets.push(endpoint.data!.createWebhookEndpoint.secret);
    const webhook: number[] = [];
    const revoked: number[] = [];
    for (const { holder, work } of pairs) {
      const granted = await authorization.graphql<{
        requestUse: { items: { license: { id: string } | null }[] };
      }>(
        `mutation ($input: RequestUseInput!) { requestUse(input: $input) { items { license { id } } } }`,
        {
          input: {
            idempotencyKey: randomUUID(),
            items: [
              {
                workId: work,
                useType: 'STREAM',
                territory: 'JP',
                from: '2026-12-01',
                to: '2027-12-01',
                expectedQuantity: 100,
              },
            ],
          },
        },
        platform,
      );
      const license = granted.data!.requestUse.items[0]!.license!.id;
      const asHolder = await tokens.issue({ role: Role.RIGHT_HOLDER, partyId: holder }, 3600);
      const arrived = receiver.until(
        (received) =>
          received.some((request) => request.verified && request.body.includes(license)),
        30_000,
      );
      const started = performance.now();
      await optOut.graphql(
        'mutation ($holder: ID!, $work: ID!) { registerOptOut(input: { holderId: $holder, scope: WORK, workId: $work }) { id } }',
        { holder, work },
        asHolder,
      );
      for (;;) {
        const status = await authorization.graphql<{ license: { status: string } }>(
          'query ($id: ID!) { license(id: $id) { status } }',
          { id: license },
          platform,
        );
        if (status.data?.license.status === 'REVOKED') break;
        if (performance.now() - started > 30_000) throw new Error('no revocation within 30 s');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      revoked.push(performance.now() - started);
      await arrived;
      const request = receiver.received.find(
        (candidate) => candidate.verified && candidate.body.includes(license),
      )!;
      webhook.push(request.receivedAt - started);
    }
    return { webhook, revoked };
  } finally {
    await Promise.all(services.map((service) => service.stop()));
    await receiver.close();
    await database.drop();
  }
}

async function deliveriesPerSecond(): Promise<{ deliveries: number; plain: number }> {
  const database = await createTestDatabase();
  const secret = randomBytes(32).toString('hex');
  const tokens = new Tokens(secret);
  const receiver = await startWebhookReceiver();
  let notifications: ServiceProcess | undefined;
  const client = new pg.Client({ connectionString: database.url });
  try {
    const [registry] = await startServiceProcesses(['rights-registry'], {
      DATABASE_URL: database.url,
      AUTH_JWT_SECRET: secret,
      LOG_LEVEL: 'error',
    });
    notifications = await startServiceProcess('notifications', {
      DATABASE_URL: database.url,
      AUTH_JWT_SECRET: secret,
      LOG_LEVEL: 'error',
      WEBHOOK_ALLOW_LOOPBACK: 'true',
      WEBHOOK_ENDPOINT_CONCURRENCY: String(CONCURRENCY),
    });
    const operator = await tokens.issue({ role: Role.OPERATOR, partyId: randomUUID() }, 3600);
    const platformId = (
      await registry.graphql<{ registerParty: { id: string } }>(
        'mutation { registerParty(input: { kind: PLATFORM, name: "Bench Platform" }) { id } }',
        {},
        operator,
      )
    ).data!.registerParty.id;
    await caughtUp(notifications, 60_000);
    await registry.stop();
    const platform = await tokens.issue({ role: Role.PLATFORM, partyId: platformId }, 3600);
    const endpoint = await notifications.graphql<{
      createWebhookEndpoint: { secret: string };
    }>(
      `mutation ($url: String!) { createWebhookEndpoint(input: { url: $url, eventTypes: ["license.revoked"] }) { secret } }`,
      { url: receiver.url },
      platform,
    );
    if (endpoint.errors) throw new Error(JSON.stringify(endpoint.errors));
    receiver.secrets.push(endpoint.data!.createWebhookEndpoint.secret);

    const body = (n: number) =>
      JSON.stringify({
        type: 'license.revoked',
        timestamp: new Date().toISOString(),
        data: { licenseId: randomUUID(), n, reason: 'opted out' },
      });
    // Baseline: the same bodies, POSTed by a plain loop at the same concurrency.
    let next = 0;
    const plainStarted = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < DELIVERIES) {
          next += 1;
          await fetch(receiver.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: body(next),
          });
        }
      }),
    );
    const plain = DELIVERIES / ((performance.now() - plainStarted) / 1000);
    receiver.received.length = 0;

    // The same number of messages, each its own ordering key, queued in one transaction.
    await client.connect();
    const started = performance.now();
    await client.query('BEGIN');
    await client.query(
      `WITH messages AS (
         INSERT INTO "notifications"."webhook_messages"
           ("id", "owner_party_id", "event_type", "ordering_key", "source_event_id", "body", "created_at")
         SELECT 'msg_' || replace(gen_random_uuid()::text, '-', ''), $1, 'license.revoked',
                gen_random_uuid()::text, gen_random_uuid(), $2 || n || '}}', now()
         FROM generate_series(1, $3) AS n
         RETURNING "id", "ordering_key")
       INSERT INTO "notifications"."webhook_deliveries"
         ("message_id", "endpoint_id", "ordering_key", "status", "next_attempt_at", "created_at")
       SELECT m."id", e."id", m."ordering_key", 'PENDING', now(), now()
       FROM messages m CROSS JOIN "notifications"."webhook_endpoints" e`,
      [
        platformId,
        `{"type":"license.revoked","timestamp":"${new Date().toISOString()}","data":{"reason":"opted out","n":`,
        DELIVERIES,
      ],
    );
    await client.query(`SELECT pg_notify('notifications_deliveries', '')`);
    await client.query('COMMIT');
    await receiver.until((received) => received.length >= DELIVERIES, 300_000);
    const deliveries = DELIVERIES / ((performance.now() - started) / 1000);
    if (receiver.accepted().length !== DELIVERIES) throw new Error('a delivery did not verify');
    return { deliveries, plain };
  } finally {
    await client.end().catch(() => undefined);
    await notifications?.stop();
    await receiver.close();
    await database.drop();
  }
}
