import pg from 'pg';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '#libs/contracts';
import type { EventTransport, OutgoingRecord } from '../transport/event-transport.js';
import { Alarm } from '../transport/alarm.js';
import { Headers } from '../transport/headers.js';
import { OUTBOX_LANES, outboxChannel } from './outbox.js';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  /** Same database, for the LISTEN session. */
  url: string;
  schema: string;
  transport: EventTransport;
  logger: Logger;
  batchSize?: number;
  pollIntervalMs?: number;
  /** Published rows older than this are deleted. Default: 7 days. */
  retentionMs?: number;
  /** Called after each published batch (metrics). */
  onPublished?: (count: number) => void;
}

interface OutboxRow {
  id: string;
  topic: string;
  aggregate_id: string;
  envelope: EventEnvelope;
}

const CLEANUP_INTERVAL_MS = 600_000;
const SESSION_RETRY_MS = 1000;

/**
 * Publishes a service's outbox. Rows are spread over lanes by aggregate; a relay publishes a lane
 * only while holding that lane's transaction advisory lock, oldest row first, so several relay
 * replicas can run, each aggregate's events keep their order, and a replica that dies leaves its
 * rows to the others. With the PostgreSQL event log, appending and marking rows published happen
 * in one transaction: no event is published twice. With Kafka a crash between the broker's ack
 * and the commit republishes the batch; consumers are idempotent.
 */
export class OutboxRelay {
  private session: pg.Client | undefined;
  private stopped = true;
  private readonly alarm = new Alarm();
  private loop: Promise<void> = Promise.resolve();
  private lastCleanup = 0;

  constructor(private readonly options: OutboxRelayOptions) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.listen().catch((error: unknown) =>
      this.options.logger.warn({ err: error }, 'outbox relay could not listen; polling'),
    );
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
    const session = this.session;
    this.session = undefined;
    await session?.end().catch(() => undefined);
  }

  /** Publishes every pending row now; returns how many were published. */
  async publishPending(): Promise<number> {
    const batchSize = this.options.batchSize ?? 500;
    let total = 0;
    for (let lane = 0; lane < OUTBOX_LANES; lane += 1) {
      for (;;) {
        const published = await this.publishLane(lane, batchSize);
        total += published;
        if (published < batchSize) break;
      }
    }
    return total;
  }

  private async run(): Promise<void> {
    const { logger, pollIntervalMs = 1000 } = this.options;
    while (!this.stopped) {
      try {
        const published = await this.publishPending();
        if (published > 0) continue;
        await this.cleanUp();
      } catch (error) {
        logger.error({ err: error, schema: this.options.schema }, 'outbox relay pass failed');
      }
      await this.alarm.sleep(pollIntervalMs);
    }
  }

  private async publishLane(lane: number, batchSize: number): Promise<number> {
    const { dataSource, schema, transport, onPublished } = this.options;
    return dataSource.transaction(async (manager) => {
      const [lock] = await manager.query<{ locked: boolean }[]>(
        'SELECT pg_try_advisory_xact_lock(hashtext($1), $2) AS locked',
        [`outbox:${schema}`, lane],
      );
      if (!lock?.locked) return 0;
      const rows = await manager.query<OutboxRow[]>(
        `SELECT "id"::text AS "id", "topic", "aggregate_id", "envelope" FROM "${schema}"."outbox"
          WHERE "lane" = $1 AND "published_at" IS NULL
          ORDER BY "outbox"."id" LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [lane, batchSize],
      );
      if (rows.length === 0) return 0;
      await transport.publish(
        rows.map(toRecord),
        transport.kind === 'postgres' ? manager : undefined,
      );
      await manager.query(
        `UPDATE "${schema}"."outbox" SET "published_at" = now() WHERE "id" = ANY($1::bigint[])`,
        [rows.map((row) => row.id)],
      );
      onPublished?.(rows.length);
      return rows.length;
    });
  }

  private async cleanUp(): Promise<void> {
    if (Date.now() - this.lastCleanup < CLEANUP_INTERVAL_MS) return;
    this.lastCleanup = Date.now();
    const retentionMs = this.options.retentionMs ?? 7 * 86_400_000;
    await this.options.dataSource.query(
      `DELETE FROM "${this.options.schema}"."outbox"
        WHERE "published_at" < now() - make_interval(secs => $1)`,
      [retentionMs / 1000],
    );
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.url,
      application_name: `outbox-relay:${this.options.schema}`,
    });
    client.on('notification', () => this.wake());
    const lost = () => {
      if (this.session !== client) return;
      this.session = undefined;
      if (!this.stopped) {
        setTimeout(() => {
          if (!this.stopped) void this.listen().catch(() => undefined);
        }, SESSION_RETRY_MS).unref();
      }
    };
    client.on('error', lost);
    client.on('end', lost);
    await client.connect();
    await client.query(`LISTEN "${outboxChannel(this.options.schema)}"`);
    this.session = client;
  }

  private wake(): void {
    this.alarm.wake();
  }
}

function toRecord(row: OutboxRow): OutgoingRecord {
  const { envelope } = row;
  return {
    topic: row.topic,
    key: row.aggregate_id,
    value: envelope,
    headers: {
      [Headers.eventType]: envelope.type,
      [Headers.eventVersion]: String(envelope.version),
      [Headers.eventId]: envelope.eventId,
      [Headers.correlationId]: envelope.correlationId,
    },
  };
}
