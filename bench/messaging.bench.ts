import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DEFAULT_PARTITIONS, deadLetterTopic } from '#libs/contracts';
import { createDataSource } from '#libs/database';
import { Outbox, PostgresEventLogTransport, eventLogDatabase } from '#libs/messaging';
import {
  CONTRACT_SCHEMA,
  contractDatabase,
  contractEvents,
  createConsumer,
  createRelay,
  logger,
  newTopic,
  type ItemSequencedV1,
} from '../test/support/messaging/fixtures.js';
import {
  machine,
  percentile,
  recordResults,
  round,
  timed,
  withBenchDatabase,
  type BenchmarkSuite,
} from './harness.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const TRANSACTION_SIZE = 1000;
const LATENCY_SAMPLES = Number(process.env.BENCH_LATENCY_SAMPLES ?? 300);
const KEYS = 200;

/**
 * Messaging on the PostgreSQL event log: throughput from the outbox write to the consumer's
 * committed effect, against a raw batched INSERT of the same rows into one table in the same
 * run; and publish-to-handle latency with LISTEN/NOTIFY.
 */
export const messagingBenchmark: BenchmarkSuite = {
  name: 'messaging',
  description: 'outbox -> relay -> PostgreSQL event log -> consumer, vs raw batched INSERT',
  run: () =>
    withBenchDatabase([eventLogDatabase, contractDatabase], async (database) => {
      const dataSource = await createDataSource(contractDatabase, {
        url: database.url,
        poolSize: 10,
      }).initialize();
      try {
        const baseline = await rawInsert(dataSource);
        const throughput = await endToEnd(dataSource, database.url);
        const separate = await endToEndInProcesses(dataSource, database.url);
        const latency = await publishToHandle(dataSource, database.url);
        const stage = await stages(dataSource, database.url);
        const ratio = throughput.perSecond / baseline.perSecond;
        const stageRow = (label: string, seconds: number) =>
          `| stage alone: ${label} | ${round(EVENTS / seconds, 0)} events/s (ratio ${round(EVENTS / seconds / baseline.perSecond, 3)}) |`;
        const markdown = [
          '## messaging',
          '',
          `\`npm run bench -- messaging\`, ${new Date().toISOString().slice(0, 10)}, ${machine()}, PostgreSQL event log.`,
          '',
          '| measure | result |',
          '| --- | --- |',
          `| baseline: raw batched INSERT of ${EVENTS} rows (${TRANSACTION_SIZE} per statement) | ${round(baseline.perSecond, 0)} rows/s |`,
          `| end to end: ${EVENTS} events written through the outbox (${TRANSACTION_SIZE} per transaction), relayed, consumed, effect committed | ${round(throughput.perSecond, 0)} events/s |`,
          `| ratio end to end / baseline (target >= 0.3) | **${round(ratio, 3)}** ${ratio >= 0.3 ? 'met' : 'NOT met'} |`,
          `| end to end with relay and consumer each in a process of their own (as in distributed mode) | ${round(separate.perSecond, 0)} events/s (ratio **${round(separate.perSecond / baseline.perSecond, 3)}**) |`,
          `| publish-to-handle latency, ${LATENCY_SAMPLES} single-event transactions: p50 / p99 (target p99 < 200 ms) | ${round(latency.p50, 1)} ms / **${round(latency.p99, 1)} ms** ${latency.p99 < 200 ? 'met' : 'NOT met'} |`,
          stageRow('producers write to the outbox (payload validated)', stage.outbox),
          stageRow('relay moves the outbox into the event log', stage.relay),
          stageRow(
            'consumer applies the log (envelope and payload validated, inbox, effect, offset)',
            stage.consumer,
          ),
          '',
          'End to end means: the producer commits events to its outbox; the relay copies them into the',
          'event log and deletes them from the outbox in one transaction; the consumer applies each batch',
          'with its inbox rows and offset commit in one transaction. Latency runs from the',
          "producer's commit to the consumer's commit. Unless said otherwise producers, relay and",
          'consumer share one Node.js process; the machine has two cores, shared with PostgreSQL.',
        ].join('\n');
        await recordResults('messaging', markdown);
        return markdown;
      } finally {
        await dataSource.destroy();
      }
    }),
};

async function rawInsert(dataSource: DataSource): Promise<{ perSecond: number }> {
  await dataSource.query(
    `CREATE TABLE "${CONTRACT_SCHEMA}"."raw_items" ("event_id" uuid NOT NULL, "key" text NOT NULL, "payload" jsonb NOT NULL)`,
  );
  const rows = Array.from({ length: EVENTS }, (_, i) => ({
    id: randomUUID(),
    key: `k${i % KEYS}`,
    payload: JSON.stringify({ key: `k${i % KEYS}`, n: i }),
  }));
  const { seconds } = await timed(async () => {
    for (let i = 0; i < rows.length; i += TRANSACTION_SIZE) {
      const chunk = rows.slice(i, i + TRANSACTION_SIZE);
      await dataSource.query(
        `INSERT INTO "${CONTRACT_SCHEMA}"."raw_items" SELECT * FROM unnest($1::uuid[], $2::text[], $3::jsonb[])`,
        [chunk.map((r) => r.id), chunk.map((r) => r.key), chunk.map((r) => r.payload)],
      );
    }
  });
  return { perSecond: EVENTS / seconds };
}

/** A fresh topic on the PostgreSQL event log, with its transport, event and outbox. */
async function benchTopic(dataSource: DataSource, url: string) {
  const topic = newTopic();
  const transport = new PostgresEventLogTransport({
    dataSource,
    url,
    logger,
    pollIntervalMs: 1000,
  });
  await transport.ensureTopics([
    { name: topic, partitions: DEFAULT_PARTITIONS },
    { name: deadLetterTopic(topic), partitions: DEFAULT_PARTITIONS },
  ]);
  const { v1, catalog } = contractEvents(topic);
  const outbox = new Outbox('bench', CONTRACT_SCHEMA, catalog);
  const close = async () => {
    await transport.close();
    await dataSource.query(`TRUNCATE "${CONTRACT_SCHEMA}"."handled"`);
  };
  return { topic, transport, v1, outbox, close };
}

type BenchTopic = Awaited<ReturnType<typeof benchTopic>>;

/** EVENTS events written through the outbox, TRANSACTION_SIZE per transaction, over KEYS keys. */
async function produceAll(dataSource: DataSource, { outbox, v1 }: BenchTopic): Promise<void> {
  for (let i = 0; i < EVENTS; i += TRANSACTION_SIZE) {
    await dataSource.transaction((manager) =>
      outbox.add(
        manager,
        Array.from({ length: Math.min(TRANSACTION_SIZE, EVENTS - i) }, (_, j) => {
          const key = `k${(i + j) % KEYS}`;
          return {
            definition: v1,
            aggregateId: key,
            payload: { key, n: i + j },
            correlationId: 'bench',
          };
        }),
      ),
    );
  }
}

/** Waits until consumers have applied EVENTS events. */
async function handledAll(dataSource: DataSource): Promise<void> {
  for (;;) {
    const [row] = await dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM "${CONTRACT_SCHEMA}"."handled"`,
    );
    if (row!.count >= EVENTS) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A topic with a relay and a consumer running in this process. */
async function pipeline(
  dataSource: DataSource,
  url: string,
  onHandled?: (item: ItemSequencedV1) => void,
) {
  const bench = await benchTopic(dataSource, url);
  const relay = createRelay(dataSource, url, bench.transport);
  const consumer = createConsumer(dataSource, bench.transport, {
    group: `bench-${bench.topic}`,
    topic: bench.topic,
    onHandled,
  });
  await consumer.start();
  await relay.start();
  const stop = async () => {
    await consumer.stop();
    await relay.stop();
    await bench.close();
  };
  return { ...bench, stop };
}

async function endToEnd(dataSource: DataSource, url: string): Promise<{ perSecond: number }> {
  const bench = await pipeline(dataSource, url);
  try {
    const { seconds } = await timed(async () => {
      await produceAll(dataSource, bench);
      await handledAll(dataSource);
    });
    return { perSecond: EVENTS / seconds };
  } finally {
    await bench.stop();
  }
}

/** The same path with the relay and the consumer in processes of their own. */
async function endToEndInProcesses(
  dataSource: DataSource,
  url: string,
): Promise<{ perSecond: number }> {
  const bench = await benchTopic(dataSource, url);
  const env = {
    ...process.env,
    DATABASE_URL: url,
    TRANSPORT: 'postgres',
    TOPIC: bench.topic,
    GROUP: `bench-${bench.topic}`,
  };
  const workers = await Promise.all(['relay', 'consumer'].map((role) => startWorker(role, env)));
  try {
    const { seconds } = await timed(async () => {
      await produceAll(dataSource, bench);
      await handledAll(dataSource);
    });
    return { perSecond: EVENTS / seconds };
  } finally {
    for (const worker of workers) worker.kill('SIGKILL');
    await bench.close();
  }
}

function startWorker(role: string, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/test/support/messaging/worker.js', role], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`${role} worker exited with ${code}`)));
  });
}

/** Each hop alone, one after the other: where the time of the end-to-end path goes. */
async function stages(
  dataSource: DataSource,
  url: string,
): Promise<{ outbox: number; relay: number; consumer: number }> {
  const bench = await benchTopic(dataSource, url);
  try {
    const written = await timed(() => produceAll(dataSource, bench));
    const relayed = await timed(() =>
      createRelay(dataSource, url, bench.transport).publishPending(),
    );
    const consumer = createConsumer(dataSource, bench.transport, {
      group: `bench-stages-${bench.topic}`,
      topic: bench.topic,
    });
    const consumed = await timed(async () => {
      await consumer.start();
      await handledAll(dataSource);
    });
    await consumer.stop();
    return { outbox: written.seconds, relay: relayed.seconds, consumer: consumed.seconds };
  } finally {
    await bench.close();
  }
}

async function publishToHandle(
  dataSource: DataSource,
  url: string,
): Promise<{ p50: number; p99: number }> {
  const committedAt = new Map<number, number>();
  const handledAt = new Map<number, number>();
  const { v1, outbox, stop } = await pipeline(dataSource, url, (item) =>
    handledAt.set(item.n, performance.now()),
  );
  try {
    for (let n = 0; n < LATENCY_SAMPLES; n += 1) {
      const key = `latency-${n % 10}`;
      await dataSource.transaction((manager) =>
        outbox.add(manager, [
          { definition: v1, aggregateId: key, payload: { key, n }, correlationId: 'bench' },
        ]),
      );
      committedAt.set(n, performance.now());
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const deadline = Date.now() + 30_000;
    while (handledAt.size < LATENCY_SAMPLES && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await stop();
  }
  const latencies = [...committedAt].flatMap(([n, committed]) => {
    const handled = handledAt.get(n);
    return handled === undefined ? [] : [Math.max(0, handled - committed)];
  });
  if (latencies.length < LATENCY_SAMPLES)
    throw new Error(`only ${latencies.length} of ${LATENCY_SAMPLES} events were handled`);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}
