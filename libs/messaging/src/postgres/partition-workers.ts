import pg from 'pg';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { Alarm } from '../transport/alarm.js';
import type { Subscription } from '../transport/event-transport.js';
import { EVENT_COLUMNS, EVENT_LOG_CHANNEL, toRecord, type EventRow } from './event-rows.js';

export interface PartitionWorkersOptions {
  dataSource: DataSource;
  url: string;
  logger: Logger;
  subscription: Subscription;
  /** Partition count of each subscribed topic. */
  partitions: Map<string, number>;
  pollIntervalMs: number;
  batchSize: number;
}

/** How often unowned partitions are claimed (a member that died frees its partitions). */
const CLAIM_INTERVAL_MS = 2000;
/** Pause after a handler failure before the partition is read again from its committed offset. */
const FAILURE_PAUSE_MS = 1000;

/**
 * One member of a consumer group on the PostgreSQL event log. It owns the partitions whose
 * session advisory lock it holds (so each partition has one reader in the group, and a member
 * that dies releases its partitions with its session) and runs one worker per owned partition,
 * reading records in offset order, woken by NOTIFY and polling as a fallback.
 */
export class PartitionWorkers {
  private session: pg.Client | undefined;
  private readonly owned = new Map<string, PartitionWorker>();
  private claimTimer: NodeJS.Timeout | undefined;
  private claiming = false;
  private stopping = false;

  constructor(private readonly options: PartitionWorkersOptions) {}

  async start(): Promise<void> {
    await this.connect();
    await this.claim();
    this.claimTimer = setInterval(() => void this.claim(), CLAIM_INTERVAL_MS);
    this.claimTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.claimTimer);
    await Promise.all([...this.owned.values()].map((worker) => worker.stop()));
    this.owned.clear();
    const session = this.session;
    this.session = undefined;
    await session?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const { groupId } = this.options.subscription;
    const client = new pg.Client({
      connectionString: this.options.url,
      application_name: `eventlog-consumer:${groupId}`.slice(0, 63),
    });
    client.on('notification', (message) => {
      for (const worker of this.owned.values()) {
        if (worker.topic === message.payload) worker.wake();
      }
    });
    client.on('error', (error) => {
      this.options.logger.warn({ err: error, groupId }, 'event log session lost');
      void this.loseSession(client);
    });
    client.on('end', () => void this.loseSession(client));
    await client.connect();
    await client.query(`LISTEN ${EVENT_LOG_CHANNEL}`);
    this.session = client;
  }

  /** The session's locks are gone: stop the workers; reconnect and claim again. */
  private async loseSession(client: pg.Client): Promise<void> {
    if (this.session !== client) return;
    this.session = undefined;
    const workers = [...this.owned.values()];
    this.owned.clear();
    await Promise.all(workers.map((worker) => worker.stop()));
    while (!this.stopping && !this.session) {
      await delay(FAILURE_PAUSE_MS);
      if (this.stopping) return;
      await this.connect().catch((error: unknown) =>
        this.options.logger.warn({ err: error }, 'event log session reconnect failed'),
      );
    }
  }

  private async claim(): Promise<void> {
    const session = this.session;
    if (!session || this.claiming || this.stopping) return;
    this.claiming = true;
    try {
      for (const [topic, count] of this.options.partitions) {
        for (let partition = 0; partition < count; partition += 1) {
          const key = `${topic}:${partition}`;
          if (this.owned.has(key)) continue;
          const { rows } = await session.query<{ locked: boolean }>(
            'SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS locked',
            [`eventlog:${this.options.subscription.groupId}`, key],
          );
          if (!rows[0]?.locked || this.stopping || this.session !== session) continue;
          const worker = new PartitionWorker(this.options, topic, partition);
          this.owned.set(key, worker);
          worker.start();
        }
      }
    } catch (error) {
      this.options.logger.warn({ err: error }, 'claiming event log partitions failed');
    } finally {
      this.claiming = false;
    }
  }
}

class PartitionWorker {
  private stopped = false;
  private readonly alarm = new Alarm();
  private done: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: PartitionWorkersOptions,
    readonly topic: string,
    readonly partition: number,
  ) {}

  start(): void {
    this.done = this.run().catch((error: unknown) => {
      this.options.logger.error(
        { err: error, topic: this.topic, partition: this.partition },
        'partition worker failed',
      );
    });
  }

  wake(): void {
    this.alarm.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.done;
  }

  private async run(): Promise<void> {
    const { dataSource, subscription, batchSize, pollIntervalMs, logger } = this.options;
    let position = await this.committedOffset();
    while (!this.stopped) {
      const rows = await dataSource.query<EventRow[]>(
        `SELECT ${EVENT_COLUMNS}
           FROM "eventlog"."events"
          WHERE "topic" = $1 AND "partition" = $2 AND "offset" >= $3
          ORDER BY "events"."offset" LIMIT $4`,
        [this.topic, this.partition, position.toString(), batchSize],
      );
      if (rows.length === 0) {
        await this.alarm.sleep(pollIntervalMs);
        continue;
      }
      const records = rows.map(toRecord);
      const last = records[records.length - 1]!;
      let committed = false;
      try {
        await subscription.handle(records, {
          inTransaction: async (manager, upTo) => {
            await this.commit(manager, BigInt(upTo.offset) + 1n);
            committed = upTo === last;
          },
        });
        const next = BigInt(last.offset) + 1n;
        if (!committed) await this.commit(dataSource.manager, next);
        position = next;
      } catch (error) {
        logger.warn(
          { err: error, topic: this.topic, partition: this.partition, offset: rows[0]!.offset },
          'records not handled; the partition resumes from its committed offset',
        );
        await this.alarm.sleep(FAILURE_PAUSE_MS);
        position = await this.committedOffset();
      }
    }
  }

  /** The group's committed position, or the oldest retained record for a new group. */
  private async committedOffset(): Promise<bigint> {
    const { dataSource, subscription } = this.options;
    const [row] = await dataSource.query<{ next_offset: string | null }[]>(
      `SELECT COALESCE(
         (SELECT "next_offset" FROM "eventlog"."consumer_offsets"
           WHERE "group_id" = $1 AND "topic" = $2 AND "partition" = $3),
         (SELECT MIN("offset") FROM "eventlog"."events" WHERE "topic" = $2 AND "partition" = $3),
         0)::text AS next_offset`,
      [subscription.groupId, this.topic, this.partition],
    );
    return BigInt(row?.next_offset ?? '0');
  }

  private async commit(manager: EntityManager, next: bigint): Promise<void> {
    await manager.query(
      `INSERT INTO "eventlog"."consumer_offsets" ("group_id", "topic", "partition", "next_offset")
       VALUES ($1, $2, $3, $4)
       ON CONFLICT ("group_id", "topic", "partition") DO UPDATE
         SET "next_offset" = GREATEST("eventlog"."consumer_offsets"."next_offset", EXCLUDED."next_offset"),
             "updated_at" = now()`,
      [this.options.subscription.groupId, this.topic, this.partition, next.toString()],
    );
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
