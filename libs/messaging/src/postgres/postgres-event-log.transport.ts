import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  DeliveredRecord,
  EventTransport,
  OutgoingRecord,
  RunningSubscription,
  Subscription,
  TopicSpec,
} from '../transport/event-transport.js';
import { partitionFor } from '../transport/partition.js';
import { EVENT_COLUMNS, EVENT_LOG_CHANNEL, toRecord, type EventRow } from './event-rows.js';
import { PartitionWorkers } from './partition-workers.js';

export interface PostgresEventLogOptions {
  /** DataSource on the database holding the `eventlog` schema (the services' database). */
  dataSource: DataSource;
  /** Same database, for the session each subscription keeps (LISTEN, partition locks). */
  url: string;
  logger: Logger;
  /** Fallback poll when no notification arrives. */
  pollIntervalMs?: number;
  /** Records read per query. */
  batchSize?: number;
  /** Events older than this are deleted (checked hourly). Unset: kept forever. */
  retentionMs?: number;
}

interface AppendGroup {
  topic: string;
  partition: number;
  records: OutgoingRecord[];
}

/**
 * The event transport on PostgreSQL (DESIGN.md, "The PostgreSQL event log"). Topics have a fixed
 * number of partitions; a record goes to the partition of its key's hash. Appending takes the
 * partition's row lock until commit and assigns offsets under it, so offsets become visible in
 * order and a consumer never skips an event that committed late. Consumer groups commit offsets
 * in the transaction of the record's effect.
 */
export class PostgresEventLogTransport implements EventTransport {
  readonly kind = 'postgres' as const;
  private readonly partitionCounts = new Map<string, number>();
  private readonly subscriptions = new Set<RunningSubscription>();
  private retentionTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: PostgresEventLogOptions) {
    if (options.retentionMs) {
      this.retentionTimer = setInterval(() => {
        this.prune(options.retentionMs!).catch((error: unknown) =>
          options.logger.error({ err: error }, 'event log retention failed'),
        );
      }, 3_600_000).unref();
    }
  }

  async ensureTopics(topics: TopicSpec[]): Promise<void> {
    await this.options.dataSource.transaction(async (manager) => {
      for (const { name, partitions } of topics) {
        await manager.query(
          `INSERT INTO "eventlog"."topics" ("name", "partitions") VALUES ($1, $2) ON CONFLICT ("name") DO NOTHING`,
          [name, partitions],
        );
        await manager.query(
          `INSERT INTO "eventlog"."partitions" ("topic", "partition")
           SELECT t."name", p FROM "eventlog"."topics" t, generate_series(0, t."partitions" - 1) p
            WHERE t."name" = $1
           ON CONFLICT DO NOTHING`,
          [name],
        );
      }
    });
    for (const { name } of topics) this.partitionCounts.delete(name);
  }

  async publish(records: OutgoingRecord[], manager?: EntityManager): Promise<void> {
    if (records.length === 0) return;
    if (manager) return this.append(records, manager);
    await this.options.dataSource.transaction((own) => this.append(records, own));
  }

  async subscribe(subscription: Subscription): Promise<RunningSubscription> {
    const partitions = new Map<string, number>();
    for (const topic of subscription.topics)
      partitions.set(topic, await this.partitionCount(topic));
    const workers = new PartitionWorkers({
      ...this.options,
      subscription,
      partitions,
      pollIntervalMs: this.options.pollIntervalMs ?? 1000,
      batchSize: this.options.batchSize ?? 200,
    });
    await workers.start();
    const running: RunningSubscription = {
      lag: () => this.lag(subscription.groupId, subscription.topics),
      stop: async () => {
        this.subscriptions.delete(running);
        await workers.stop();
      },
    };
    this.subscriptions.add(running);
    return running;
  }

  async close(): Promise<void> {
    clearInterval(this.retentionTimer);
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
  }

  /** Records of `topics` the group has not handled yet. */
  async lag(groupId: string, topics: string[]): Promise<Record<string, number>> {
    const rows = await this.options.dataSource.query<{ topic: string; lag: string }[]>(
      `SELECT p."topic", SUM(p."next_offset" - COALESCE(c."next_offset", first."offset", p."next_offset"))::text AS lag
         FROM "eventlog"."partitions" p
         LEFT JOIN "eventlog"."consumer_offsets" c
           ON c."group_id" = $1 AND c."topic" = p."topic" AND c."partition" = p."partition"
         LEFT JOIN LATERAL (
           SELECT e."offset" FROM "eventlog"."events" e
            WHERE e."topic" = p."topic" AND e."partition" = p."partition"
            ORDER BY e."offset" LIMIT 1
         ) first ON true
        WHERE p."topic" = ANY($2)
        GROUP BY p."topic"`,
      [groupId, topics],
    );
    return Object.fromEntries(rows.map((row) => [row.topic, Number(row.lag)]));
  }

  /** Moves a group's position (stopped consumers resume there): replay or skip. */
  async seek(groupId: string, topic: string, partition: number, nextOffset: bigint): Promise<void> {
    await this.options.dataSource.query(
      `INSERT INTO "eventlog"."consumer_offsets" ("group_id", "topic", "partition", "next_offset")
       VALUES ($1, $2, $3, $4)
       ON CONFLICT ("group_id", "topic", "partition")
       DO UPDATE SET "next_offset" = EXCLUDED."next_offset", "updated_at" = now()`,
      [groupId, topic, partition, nextOffset.toString()],
    );
  }

  /** Deletes events older than `maxAgeMs`; returns how many. */
  async prune(maxAgeMs: number): Promise<number> {
    // For DELETE the driver answers [rows, affected count].
    const [, count] = await this.options.dataSource.query<[unknown, number]>(
      `DELETE FROM "eventlog"."events" WHERE "appended_at" < now() - make_interval(secs => $1)`,
      [maxAgeMs / 1000],
    );
    return count;
  }

  /** Records read back from the log, e.g. a dead-letter topic for operators. */
  async read(topic: string, limit = 100): Promise<DeliveredRecord[]> {
    const rows = await this.options.dataSource.query<EventRow[]>(
      `SELECT ${EVENT_COLUMNS}
         FROM "eventlog"."events" WHERE "topic" = $1 ORDER BY "events"."appended_at", "events"."partition", "events"."offset" LIMIT $2`,
      [topic, limit],
    );
    return rows.map(toRecord);
  }

  private async append(records: OutgoingRecord[], manager: EntityManager): Promise<void> {
    const groups = new Map<string, AppendGroup>();
    for (const record of records) {
      const partition = partitionFor(record.key, await this.partitionCount(record.topic, manager));
      const id = `${record.topic}\u0000${partition}`;
      const group = groups.get(id) ?? { topic: record.topic, partition, records: [] };
      group.records.push(record);
      groups.set(id, group);
    }
    // A fixed lock order keeps concurrent appenders from deadlocking.
    const ordered = [...groups.values()].sort((a, b) =>
      a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1,
    );
    for (const { topic, partition, records: batch } of ordered) {
      const [row] = await manager.query<{ next_offset: string }[]>(
        // A CTE, so the driver returns the rows of an UPDATE like those of a SELECT.
        `WITH reserved AS (
           UPDATE "eventlog"."partitions" SET "next_offset" = "next_offset" + $3
            WHERE "topic" = $1 AND "partition" = $2 RETURNING "next_offset"
         ) SELECT "next_offset"::text AS next_offset FROM reserved`,
        [topic, partition, batch.length],
      );
      if (!row) throw new Error(`unknown topic ${topic} (partition ${partition})`);
      const first = BigInt(row.next_offset) - BigInt(batch.length);
      await manager.query(
        `INSERT INTO "eventlog"."events" ("topic", "partition", "offset", "key", "value", "headers")
         SELECT $1, $2, $3::bigint + t.ord - 1, t.key, t.value, t.headers
           FROM unnest($4::text[], $5::jsonb[], $6::jsonb[]) WITH ORDINALITY AS t(key, value, headers, ord)`,
        [
          topic,
          partition,
          first.toString(),
          batch.map((r) => r.key),
          batch.map((r) => JSON.stringify(r.value)),
          batch.map((r) => JSON.stringify(r.headers ?? {})),
        ],
      );
    }
    for (const topic of new Set(records.map((r) => r.topic))) {
      await manager.query(`SELECT pg_notify($1, $2)`, [EVENT_LOG_CHANNEL, topic]);
    }
  }

  private async partitionCount(topic: string, manager?: EntityManager): Promise<number> {
    const cached = this.partitionCounts.get(topic);
    if (cached) return cached;
    const [row] = await (manager ?? this.options.dataSource).query<{ partitions: number }[]>(
      `SELECT "partitions" FROM "eventlog"."topics" WHERE "name" = $1`,
      [topic],
    );
    if (!row) throw new Error(`unknown topic ${topic}: create it with ensureTopics first`);
    this.partitionCounts.set(topic, row.partitions);
    return row.partitions;
  }
}
