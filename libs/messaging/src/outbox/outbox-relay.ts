import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { EventTransport, OutgoingRecord } from '../transport/event-transport.js';
import { PostgresEventLogTransport } from '../postgres/postgres-event-log.transport.js';
import { Alarm } from '../transport/alarm.js';
import { ChannelListener } from '../transport/channel-listener.js';
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
  /** Called after each published batch (metrics). */
  onPublished?: (count: number) => void;
}

interface OutboxRow {
  id: string;
  topic: string;
  aggregate_id: string;
  /** The envelope as JSON text, passed on without parsing (read for transports other than the event log). */
  json?: string;
  type?: string;
  version?: string;
  event_id?: string;
  correlation_id?: string;
}

const SESSION_RETRY_MS = 1000;

const ENVELOPE_COLUMNS = `"envelope"::text AS "json", "envelope"->>'type' AS "type",
  "envelope"->>'version' AS "version", "event_id"::text AS "event_id",
  "envelope"->>'correlationId' AS "correlation_id"`;

/**
 * Publishes a service's outbox. Rows are spread over lanes by aggregate; a relay publishes a lane
 * only while holding that lane's transaction advisory lock (one transaction takes every lane it
 * can), oldest row first, so several relay replicas can run, each aggregate's events keep their order, and a replica that dies leaves its
 * rows to the others. Published rows are deleted. With the PostgreSQL event log, appending and
 * deleting happen in one transaction: no event is published twice. With Kafka a crash between the broker's ack
 * and the commit republishes the batch; consumers are idempotent.
 */
export class OutboxRelay {
  private stopped = true;
  private readonly alarm = new Alarm();
  private readonly listener: ChannelListener;
  private loop: Promise<void> = Promise.resolve();

  constructor(private readonly options: OutboxRelayOptions) {
    this.listener = new ChannelListener({
      url: options.url,
      channel: outboxChannel(options.schema),
      applicationName: `outbox-relay:${options.schema}`,
      onNotify: () => this.alarm.wake(),
      retryMs: SESSION_RETRY_MS,
    });
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.listener
      .start()
      .catch((error: unknown) =>
        this.options.logger.warn({ err: error }, 'outbox relay could not listen; polling'),
      );
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.alarm.wake();
    await this.loop;
    await this.listener.stop();
  }

  /** Publishes every pending row now; returns how many were published. */
  async publishPending(): Promise<number> {
    const batchSize = this.options.batchSize ?? 1000;
    let total = 0;
    for (;;) {
      const published = await this.publishBatch(batchSize);
      total += published;
      if (published < batchSize) return total;
    }
  }

  private async run(): Promise<void> {
    const { logger, pollIntervalMs = 1000 } = this.options;
    while (!this.stopped) {
      try {
        if ((await this.publishPending()) > 0) continue;
      } catch (error) {
        logger.error({ err: error, schema: this.options.schema }, 'outbox relay pass failed');
      }
      await this.alarm.sleep(pollIntervalMs);
    }
  }

  /**
   * One transaction: takes every lane no other relay holds, then publishes their oldest rows.
   * Rows of one lane (so of one aggregate) are only ever published by the holder of its lock.
   */
  private async publishBatch(batchSize: number): Promise<number> {
    const { dataSource, schema, transport, onPublished } = this.options;
    return dataSource.transaction(async (manager) => {
      const [locked] = await manager.query<{ lanes: number[] | null }[]>(
        `SELECT array_agg(lane) AS lanes FROM generate_series(0, $2::int - 1) AS lane
          WHERE pg_try_advisory_xact_lock(hashtext($1), lane)`,
        [`outbox:${schema}`, OUTBOX_LANES],
      );
      const lanes = locked?.lanes ?? [];
      if (lanes.length === 0) return 0;
      // The PostgreSQL event log copies envelopes inside the database; other transports need them.
      const inDatabase = transport instanceof PostgresEventLogTransport;
      const columns = inDatabase ? '' : `, ${ENVELOPE_COLUMNS}`;
      const rows = await manager.query<OutboxRow[]>(
        `SELECT "id"::text AS "id", "topic", "aggregate_id"${columns}
           FROM "${schema}"."outbox"
          WHERE "lane" = ANY($1::smallint[])
          ORDER BY "outbox"."id" LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [lanes, batchSize],
      );
      if (rows.length === 0) return 0;
      if (inDatabase) {
        await transport.appendFromOutbox(
          manager,
          schema,
          rows.map((row) => ({ id: row.id, topic: row.topic, key: row.aggregate_id })),
        );
      } else {
        await transport.publish(rows.map(toRecord));
      }
      await manager.query(`DELETE FROM "${schema}"."outbox" WHERE "id" = ANY($1::bigint[])`, [
        rows.map((row) => row.id),
      ]);
      onPublished?.(rows.length);
      return rows.length;
    });
  }
}

function toRecord(row: OutboxRow): OutgoingRecord {
  return {
    topic: row.topic,
    key: row.aggregate_id,
    value: undefined,
    json: row.json,
    headers: {
      [Headers.eventType]: row.type ?? '',
      [Headers.eventVersion]: row.version ?? '',
      [Headers.eventId]: row.event_id ?? '',
      [Headers.correlationId]: row.correlation_id ?? '',
    },
  };
}
