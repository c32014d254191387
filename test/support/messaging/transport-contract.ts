import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import {
  DEFAULT_PARTITIONS,
  deadLetterTopic,
  type EventCatalog,
  type EventDefinition,
} from '#libs/contracts';
import { createDataSource } from '#libs/database';
import {
  Headers,
  Outbox,
  eventLogDatabase,
  type DeliveredRecord,
  type EventTransport,
} from '#libs/messaging';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import {
  CONTRACT_SCHEMA,
  contractDatabase,
  contractEvents,
  createConsumer,
  createRelay,
  createTransport,
  newTopic,
  type ItemSequencedV1,
  type TransportKind,
} from './fixtures.js';

interface Item {
  key: string;
  n: number;
  poison?: boolean;
}

interface Stoppable {
  stop(): Promise<void>;
}

const WORKER = 'dist/test/support/messaging/worker.js';

/**
 * The behaviour every event transport must show (DESIGN.md, "Events"), run against each adapter
 * on real infrastructure: exactly-once effect and per-key order under concurrency, no event
 * from a rolled-back transaction, nothing lost when a relay or consumer process is killed,
 * dead letters that do not block their partition.
 */
export function describeTransportContract(kind: TransportKind): void {
  describe(`event transport contract (${kind})`, () => {
    let database: TestDatabase;
    let dataSource: DataSource;
    let transport: EventTransport;
    const running: Stoppable[] = [];
    const children: ChildProcess[] = [];

    beforeAll(async () => {
      database = await createTestDatabase([eventLogDatabase, contractDatabase]);
      dataSource = await createDataSource(contractDatabase, {
        url: database.url,
        poolSize: 8,
      }).initialize();
      transport = createTransport(kind, dataSource, database.url);
    });

    afterEach(async () => {
      for (const child of children.splice(0)) child.kill('SIGKILL');
      for (const component of running.splice(0).reverse()) await component.stop();
    });

    afterAll(async () => {
      await transport?.close();
      await dataSource?.destroy();
      await database?.drop();
    });

    async function prepareTopic() {
      const topic = newTopic();
      await transport.ensureTopics([
        { name: topic, partitions: DEFAULT_PARTITIONS },
        { name: deadLetterTopic(topic), partitions: DEFAULT_PARTITIONS },
      ]);
      return { topic, ...contractEvents(topic) };
    }

    async function produce(
      definition: EventDefinition<ItemSequencedV1>,
      catalog: EventCatalog,
      items: Item[],
      options: { rollback?: boolean } = {},
    ): Promise<void> {
      const outbox = new Outbox('contract-service', CONTRACT_SCHEMA, catalog);
      await dataSource
        .transaction(async (manager) => {
          await outbox.add(
            manager,
            items.map((payload) => ({
              definition,
              aggregateId: payload.key,
              payload,
              correlationId: 'contract',
            })),
          );
          if (options.rollback) throw new Error('rolled back on purpose');
        })
        .catch((error: unknown) => {
          if (!options.rollback) throw error;
        });
    }

    async function handled(): Promise<{ key: string; n: number; event_id: string }[]> {
      return dataSource.query(
        `SELECT "key", "n", "event_id" FROM "${CONTRACT_SCHEMA}"."handled" ORDER BY "seq"`,
      );
    }

    async function clearHandled(): Promise<void> {
      await dataSource.query(`TRUNCATE "${CONTRACT_SCHEMA}"."handled"`);
    }

    async function waitFor(
      description: string,
      check: () => Promise<boolean>,
      timeoutMs = 90_000,
    ): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      let lastLog = 0;
      while (!(await check())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}`);
        if (process.env.CONTRACT_LOG_LEVEL && Date.now() - lastLog > 2000) {
          lastLog = Date.now();
          const [state] = await dataSource.query<object[]>(
            `SELECT (SELECT count(*) FROM "${CONTRACT_SCHEMA}"."outbox") AS pending,
                    (SELECT count(*) FROM "${CONTRACT_SCHEMA}"."inbox") AS inbox,
                    (SELECT count(*) FROM "${CONTRACT_SCHEMA}"."inbox" i WHERE NOT EXISTS (SELECT 1 FROM "${CONTRACT_SCHEMA}"."handled" h WHERE h.event_id = i.event_id)) AS inbox_without_effect,
                    (SELECT count(*) FROM "eventlog"."events") AS logged,
                    (SELECT json_agg(json_build_object('g', right(group_id, 4), 'p', partition, 'o', next_offset)) FROM "eventlog"."consumer_offsets") AS offsets,
                    (SELECT json_agg(json_build_object('p', partition, 'n', next_offset)) FROM "eventlog"."partitions" WHERE next_offset > 0) AS ends`,
          );
          process.stderr.write(
            `waiting for ${description}: handled ${await handledCount()} ${JSON.stringify(state)}\n`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }

    async function handledCount(): Promise<number> {
      const [row] = await dataSource.query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM "${CONTRACT_SCHEMA}"."handled"`,
      );
      return row!.count;
    }

    function startRelay(): void {
      const relay = createRelay(dataSource, database.url, transport);
      running.push(relay);
      void relay.start();
    }

    async function startConsumer(group: string, topic: string): Promise<void> {
      const consumer = createConsumer(dataSource, transport, { group, topic });
      running.push(consumer);
      await consumer.start();
    }

    async function startWorker(
      role: 'relay' | 'consumer',
      env: Record<string, string> = {},
    ): Promise<ChildProcess> {
      const child = spawn(process.execPath, [WORKER, role], {
        env: { ...process.env, DATABASE_URL: database.url, TRANSPORT: kind, ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('ready')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`${role} worker exited with ${code}`)));
      });
      return child;
    }

    /** Records on a topic, read back through the transport by a group of their own. */
    async function readTopic(topic: string, expected: number): Promise<DeliveredRecord[]> {
      const received: DeliveredRecord[] = [];
      const reader = await transport.subscribe({
        groupId: `reader-${randomUUID()}`,
        topics: [topic],
        handle: (records) => {
          received.push(...records);
          return Promise.resolve();
        },
      });
      running.push(reader);
      await waitFor(`${expected} records on ${topic}`, () =>
        Promise.resolve(received.length >= expected),
      );
      return received;
    }

    /** Each key's items were handled in the order they were produced. */
    function expectInOrderPerKey(rows: { key: string; n: number }[]): void {
      const perKey = new Map<string, number[]>();
      for (const { key, n } of rows) perKey.set(key, [...(perKey.get(key) ?? []), n]);
      for (const [key, sequence] of perKey) {
        expect({ key, sequence }).toEqual({ key, sequence: [...sequence].sort((a, b) => a - b) });
      }
    }

    it('should handle 10,000 events from 4 concurrent writers exactly once, in order per key', async () => {
      const { topic, v1, catalog } = await prepareTopic();
      await clearHandled();
      startRelay();
      startRelay(); // a second relay replica
      const group = `group-${randomUUID()}`;
      await startConsumer(group, topic);
      await startConsumer(group, topic); // a second member of the group

      const writers = 4;
      const transactions = 25;
      const perTransaction = 100;
      await Promise.all(
        Array.from({ length: writers }, async (_, writer) => {
          const counters = new Map<string, number>();
          for (let t = 0; t < transactions; t += 1) {
            const items = Array.from({ length: perTransaction }, (_, i) => {
              const key = `w${writer}-k${(t * perTransaction + i) % 10}`;
              const n = counters.get(key) ?? 0;
              counters.set(key, n + 1);
              return { key, n };
            });
            await produce(v1, catalog, items);
          }
        }),
      );

      const total = writers * transactions * perTransaction;
      await waitFor(`${total} handled events`, async () => (await handledCount()) >= total);
      await new Promise((resolve) => setTimeout(resolve, 500)); // anything extra would show now
      const rows = await handled();
      expect(rows).toHaveLength(total);
      expect(new Set(rows.map((row) => row.event_id)).size).toBe(total);
      expectInOrderPerKey(rows);
      if (kind === 'postgres') {
        const [published] = await dataSource.query<{ count: number }[]>(
          `SELECT count(*)::int AS count FROM "eventlog"."events" WHERE "topic" = $1`,
          [topic],
        );
        expect(published!.count).toBe(total); // the relay replicas never published twice
      }
    });

    it('should publish nothing from a rolled-back transaction', async () => {
      const { topic, v1, catalog } = await prepareTopic();
      await clearHandled();
      await produce(
        v1,
        catalog,
        [
          { key: 'r', n: 0 },
          { key: 'r', n: 1 },
        ],
        { rollback: true },
      );
      await produce(v1, catalog, [{ key: 'committed', n: 0 }]);
      startRelay();
      await startConsumer(`group-${randomUUID()}`, topic);
      await waitFor('the committed event', async () => (await handledCount()) >= 1);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect((await handled()).map((row) => row.key)).toEqual(['committed']);
      const [pending] = await dataSource.query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM "${CONTRACT_SCHEMA}"."outbox" WHERE "envelope"->'payload'->>'key' = 'r'`,
      );
      expect(pending!.count).toBe(0);
    });

    it('should lose nothing when the relay process is killed mid-stream', async () => {
      const { topic, v1, catalog } = await prepareTopic();
      await clearHandled();
      const relay = await startWorker('relay');
      const total = 3000;
      for (let batch = 0; batch < 30; batch += 1) {
        await produce(
          v1,
          catalog,
          Array.from({ length: 100 }, (_, i) => ({ key: `k${i % 7}`, n: batch * 100 + i })),
        );
        if (batch === 10) {
          await waitFor('the relay process to publish', async () => {
            const [row] = await dataSource.query<{ count: number }[]>(
              `SELECT count(*)::int AS count FROM "${CONTRACT_SCHEMA}"."outbox"`,
            );
            return row!.count < (batch + 1) * 100; // published rows leave the outbox
          });
          relay.kill('SIGKILL');
        }
      }
      startRelay(); // a fresh relay takes over
      await startConsumer(`group-${randomUUID()}`, topic);
      await waitFor(`${total} handled events`, async () => (await handledCount()) >= total);
      const rows = await handled();
      expect(rows).toHaveLength(total);
      expect(new Set(rows.map((row) => row.event_id)).size).toBe(total);
    });

    it('should neither lose nor repeat an effect when a consumer process is killed mid-batch', async () => {
      const { topic, v1, catalog } = await prepareTopic();
      await clearHandled();
      const total = 3000;
      for (let batch = 0; batch < 30; batch += 1) {
        await produce(
          v1,
          catalog,
          Array.from({ length: 100 }, (_, i) => ({ key: `k${i % 5}`, n: batch * 100 + i })),
        );
      }
      startRelay();
      const group = `group-${randomUUID()}`;
      const consumer = await startWorker('consumer', {
        GROUP: group,
        TOPIC: topic,
        HANDLE_DELAY_MS: '1',
      });
      await waitFor('the worker to be part-way through', async () => (await handledCount()) >= 300);
      consumer.kill('SIGKILL');
      const afterKill = await handledCount();
      expect(afterKill).toBeLessThan(total);

      await startConsumer(group, topic); // the group resumes from its committed offsets
      await waitFor(`${total} handled events`, async () => (await handledCount()) >= total);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const rows = await handled();
      expect(rows).toHaveLength(total);
      expect(new Set(rows.map((row) => row.event_id)).size).toBe(total);
      expectInOrderPerKey(rows);
    });

    it('should replay from an offset without a second effect, and give a new group everything', async () => {
      const { topic, v1, catalog } = await prepareTopic();
      await clearHandled();
      await produce(
        v1,
        catalog,
        Array.from({ length: 200 }, (_, n) => ({ key: `k${n % 4}`, n })),
      );
      startRelay();
      const group = `group-${randomUUID()}`;
      const first = createConsumer(dataSource, transport, { group, topic });
      await first.start();
      await waitFor('200 handled events', async () => (await handledCount()) >= 200);
      await waitFor('the group to catch up', async () =>
        Object.values(await first.lag()).every((lag) => lag === 0),
      );
      await first.stop();

      for (let partition = 0; partition < DEFAULT_PARTITIONS; partition += 1) {
        await transport.seek(group, topic, partition, 0n);
      }
      const again = createConsumer(dataSource, transport, { group, topic });
      running.push(again);
      await again.start();
      await waitFor('the replay to finish', async () =>
        Object.values(await again.lag()).every((lag) => lag === 0),
      );
      expect(await handledCount()).toBe(200); // the inbox absorbed the replay

      await startConsumer(`group-${randomUUID()}`, topic); // a new read model starts from the beginning
      await waitFor('a new group to handle everything', async () => (await handledCount()) >= 400);
      expect(await handledCount()).toBe(400);
    });

    it('should tell whether a group has records older than an age still to handle', async () => {
      const { topic, v1, catalog } = await prepareTopic();
      await clearHandled();
      const group = `group-${randomUUID()}`;
      await produce(
        v1,
        catalog,
        Array.from({ length: 20 }, (_, n) => ({ key: `k${n % 4}`, n })),
      );
      startRelay();
      await waitFor(
        '20 events on the topic',
        async () => await transport.unhandledOlderThan(group, [topic], 0),
      );
      expect(await transport.unhandledOlderThan(group, [topic], 600_000)).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await transport.unhandledOlderThan(group, [topic], 200)).toBe(true);

      const consumer = createConsumer(dataSource, transport, { group, topic });
      running.push(consumer);
      await consumer.start();
      await waitFor('the group to catch up', async () =>
        Object.values(await consumer.lag()).every((lag) => lag === 0),
      );
      expect(await transport.unhandledOlderThan(group, [topic], 0)).toBe(false);
    });

    it('should park a poison message in the dead-letter topic after its tries and go on with the partition', async () => {
      const { topic, v1, catalog } = await prepareTopic();
      await clearHandled();
      const key = 'same-partition';
      await produce(v1, catalog, [
        { key, n: 0 },
        { key, n: 1, poison: true },
        { key, n: 2 },
        { key, n: 3 },
      ]);
      startRelay();
      await startConsumer(`group-${randomUUID()}`, topic);
      await waitFor('the items after the poison one', async () => (await handledCount()) >= 3);
      expect((await handled()).map((row) => row.n)).toEqual([0, 2, 3]);

      const [dead] = await readTopic(deadLetterTopic(topic), 1);
      expect(dead!.key).toBe(key);
      expect((dead!.value as { payload: Item }).payload).toEqual({ key, n: 1, poison: true });
      expect(dead!.headers).toMatchObject({
        [Headers.errorReason]: 'handler-failed',
        [Headers.attempts]: '3',
        [Headers.originalTopic]: topic,
      });
      expect(dead!.headers[Headers.error]).toContain('poison item same-partition#1');
    });

    it('should send an unknown version and a malformed envelope to the dead-letter topic', async () => {
      const { topic, v1, v2, catalog, newerCatalog } = await prepareTopic();
      await clearHandled();
      await produce(v2, newerCatalog, [{ key: 'v', n: 0 }]);
      await transport.publish([{ topic, key: 'v', value: { hello: 'not an event' } }]);
      await produce(v1, catalog, [{ key: 'v', n: 1 }]);
      startRelay();
      await startConsumer(`group-${randomUUID()}`, topic);
      await waitFor('the valid event', async () => (await handledCount()) >= 1);
      expect((await handled()).map((row) => row.n)).toEqual([1]);

      const dead = await readTopic(deadLetterTopic(topic), 2);
      expect(dead.map((record) => record.headers[Headers.errorReason]).sort()).toEqual([
        'malformed-envelope',
        'unknown-version',
      ]);
    });

    if (kind === 'kafka') {
      // e.g. KAFKA_RESTART_COMMAND="docker compose -p clearinghouse -f docker/compose.yaml restart kafka"
      const restart = process.env.KAFKA_RESTART_COMMAND;
      (restart ? it : it.skip)(
        'should lose nothing and repeat no effect when the broker restarts while events flow',
        async () => {
          const { topic, v1, catalog } = await prepareTopic();
          await clearHandled();
          startRelay();
          await startConsumer(`group-${randomUUID()}`, topic);
          const total = 3000;
          for (let batch = 0; batch < 30; batch += 1) {
            await produce(
              v1,
              catalog,
              Array.from({ length: 100 }, (_, i) => ({ key: `k${i % 7}`, n: batch * 100 + i })),
            );
            if (batch === 10) execSync(restart!, { stdio: 'inherit' });
          }
          await waitFor(
            `${total} handled events`,
            async () => (await handledCount()) >= total,
            170_000,
          );
          await new Promise((resolve) => setTimeout(resolve, 1000));
          const rows = await handled();
          expect(rows).toHaveLength(total);
          expect(new Set(rows.map((row) => row.event_id)).size).toBe(total);
          expectInOrderPerKey(rows);
        },
      );
    }
  });
}
