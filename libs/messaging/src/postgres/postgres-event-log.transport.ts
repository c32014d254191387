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
import { Headers } from '../transport/headers.js';
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

/** An outbox row as the relay hands it over: its id, topic and message key. */
export interface OutboxRef {
  id: string;
  topic: string;
  key: string;
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
      // Services starting together ensure overlapping topics: one at a time, in name order.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('eventlog.ensure-topics'))`);
      const ordered = [...topics].sort((a, b) => a.name.localeCompare(b.name));
      for (const { name, partitions } of ordered) {
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
      batchSize: this.options.batchSize ?? 500,
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

  async unhandledOlderThan(groupId: string, topics: string[], ageMs: number): Promise<boolean> {
    // The group's first unhandled record per partition is the oldest there: offsets are
    // assigned in append order.
    const [row] = await this.options.dataSource.query<{ behind: boolean }[]>(
      `SELECT EXISTS (
         SELECT 1 FROM "eventlog"."partitions" p
         LEFT JOIN "eventlog"."consumer_offsets" c
           ON c."group_id" = $1 AND c."topic" = p."topic" AND c."partition" = p."partition"
         CROSS JOIN LATERAL (
           SELECT e."appended_at" FROM "eventlog"."events" e
            WHERE e."topic" = p."topic" AND e."partition" = p."partition"
              AND e."offset" >= COALESCE(c."next_offset", 0)
            ORDER BY e."offset" LIMIT 1
         ) first
         WHERE p."topic" = ANY($2) AND p."next_offset" > COALESCE(c."next_offset", 0)
           AND first."appended_at" < now() - make_interval(secs => $3 / 1000.0)
       ) AS behind`,
      [groupId, topics, ageMs],
    );
    return row?.behind ?? false;
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

  /**
   * Moves rows of a service's outbox (same database) into the log without passing their
   * envelopes through the application: only ids and keys leave PostgreSQL. Runs in the relay's
   * transaction; the caller deletes the rows afterwards.
   */
  async appendFromOutbox(manager: EntityManager, schema: string, rows: OutboxRef[]): Promise<void> {
    if (rows.length === 0) return;
    const placed = await this.reserveOffsets(rows, manager);
    await manager.query(
      `INSERT INTO "eventlog"."events" ("topic", "partition", "offset", "key", "value", "headers")
       SELECT o."topic", t."partition", t."offset", o."aggregate_id", o."envelope",
              jsonb_build_object($4::text, o."envelope"->>'type', $5::text, o."envelope"->>'version',
                                 $6::text, o."event_id"::text, $7::text, o."envelope"->>'correlationId')
         FROM unnest($1::bigint[], $2::int[], $3::bigint[]) AS t("id", "partition", "offset")
         JOIN "${schema}"."outbox" o ON o."id" = t."id"`,
      [
        placed.map(({ row }) => row.id),
        placed.map(({ partition }) => partition),
        placed.map(({ offset }) => offset.toString()),
        Headers.eventType,
        Headers.eventVersion,
        Headers.eventId,
        Headers.correlationId,
      ],
    );
    await this.announce(new Set(rows.map((row) => row.topic)), manager);
  }

  private async append(records: OutgoingRecord[], manager: EntityManager): Promise<void> {
    const placed = await this.reserveOffsets(
      records.map((record) => ({ ...record, id: '' })),
      manager,
    );
    await manager.query(
      `INSERT INTO "eventlog"."events" ("topic", "partition", "offset", "key", "value", "headers")
       SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[], $4::text[], $5::jsonb[], $6::jsonb[])`,
      [
        placed.map(({ row }) => row.topic),
        placed.map(({ partition }) => partition),
        placed.map(({ offset }) => offset.toString()),
        placed.map(({ row }) => row.key),
        placed.map(({ row }) => row.json ?? JSON.stringify(row.value)),
        placed.map(({ row }) => JSON.stringify(row.headers ?? {})),
      ],
    );
    await this.announce(new Set(records.map((record) => record.topic)), manager);
  }

  /**
   * Places each row in its key's partition and reserves consecutive offsets there, in input
   * order. The partition row stays locked until the transaction ends, so offsets become visible
   * in order. Partitions are locked in a fixed order, so concurrent appenders cannot deadlock.
   */
  private async reserveOffsets<R extends { topic: string; key: string }>(
    rows: R[],
    manager: EntityManager,
  ): Promise<{ row: R; partition: number; offset: bigint }[]> {
    const groups = new Map<string, { topic: string; partition: number; rows: R[] }>();
    for (const row of rows) {
      const partition = partitionFor(row.key, await this.partitionCount(row.topic, manager));
      const id = `${row.topic}\u0000${partition}`;
      const group = groups.get(id) ?? { topic: row.topic, partition, rows: [] };
      group.rows.push(row);
      groups.set(id, group);
    }
    const ordered = [...groups.values()].sort((a, b) =>
      a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1,
    );
    const placed: { row: R; partition: number; offset: bigint }[] = [];
    for (const { topic, partition, rows: batch } of ordered) {
      const [reserved] = await manager.query<{ next_offset: string }[]>(
        // A CTE, so the driver returns the rows of an UPDATE like those of a SELECT.
        `WITH reserved AS (
           UPDATE "eventlog"."partitions" SET "next_offset" = "next_offset" + $3
            WHERE "topic" = $1 AND "partition" = $2 RETURNING "next_offset"
         ) SELECT "next_offset"::text AS next_offset FROM reserved`,
        [topic, partition, batch.length],
      );
      if (!reserved) throw new Error(`unknown topic ${topic} (partition ${partition})`);
      const first = BigInt(reserved.next_offset) - BigInt(batch.length);
      batch.forEach((row, index) => placed.push({ row, partition, offset: first + BigInt(index) }));
    }
    return placed;
  }

  private async announce(topics: Set<string>, manager: EntityManager): Promise<void> {
    for (const topic of topics)
      await manager.query(`SELECT pg_notify($1, $2)`, [EVENT_LOG_CHANNEL, topic]);
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
