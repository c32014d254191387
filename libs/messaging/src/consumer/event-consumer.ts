import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DEFAULT_PARTITIONS,
  EventRejectedError,
  deadLetterTopic,
  eventCatalog,
  type EventCatalog,
  type EventDefinition,
  type EventEnvelope,
} from '#libs/contracts';
import type {
  DeliveredRecord,
  EventTransport,
  RecordAcknowledger,
  RunningSubscription,
} from '../transport/event-transport.js';
import { Headers } from '../transport/headers.js';

/** Handles one version of one event type, inside the transaction that records it as handled. */
export interface EventHandler<P extends object = object> {
  definition: EventDefinition<P>;
  handle(event: EventEnvelope<P>, manager: EntityManager): Promise<void>;
  /**
   * Optional: applies consecutive events of this type at once, with the same effect as `handle`
   * on each in order (a projection can upsert them in one statement).
   */
  handleBatch?(events: EventEnvelope<P>[], manager: EntityManager): Promise<void>;
}

export function handlerFor<P extends object>(
  definition: EventDefinition<P>,
  handle: (event: EventEnvelope<P>, manager: EntityManager) => Promise<void>,
  handleBatch?: (events: EventEnvelope<P>[], manager: EntityManager) => Promise<void>,
): EventHandler {
  return { definition, handle, handleBatch };
}

export type DeadLetterReason =
  'malformed-envelope' | 'unknown-type' | 'unknown-version' | 'invalid-payload' | 'handler-failed';

export interface EventConsumerOptions {
  /** Consumer group and inbox name, e.g. `authorization.works-read-model`. */
  name: string;
  dataSource: DataSource;
  /** Service schema holding the inbox table. */
  schema: string;
  transport: EventTransport;
  handlers: EventHandler[];
  logger: Logger;
  catalog?: EventCatalog;
  /** Tries before a failing record goes to the dead-letter topic. Default 5. */
  maxAttempts?: number;
  /** First retry delay; doubles on each try. Default 100 ms. */
  retryDelayMs?: number;
  /** Partitions of topics this consumer creates when missing. Default DEFAULT_PARTITIONS. */
  partitions?: number;
  onHandled?: (event: EventEnvelope) => void;
  onDeadLetter?: (reason: DeadLetterReason) => void;
}

/**
 * Applies events to a service's state, exactly once in effect: the handlers' writes, the inbox
 * rows (consumer, eventId) and, on the PostgreSQL event log, the offset commit share one
 * transaction per run of records, so a redelivered event finds its inbox row and has no second effect. A record the
 * consumer cannot accept (malformed, unknown type or version, invalid payload) or whose handler
 * keeps failing goes to `<topic>.dlq` with the error in its headers, and the partition moves on.
 * Event types the consumer has no handler for are skipped.
 */
export class EventConsumer {
  private readonly handlers = new Map<string, Map<number, EventHandler>>();
  private subscription: RunningSubscription | undefined;

  constructor(private readonly options: EventConsumerOptions) {
    for (const handler of options.handlers) {
      const { type, version } = handler.definition;
      const versions = this.handlers.get(type) ?? new Map<number, EventHandler>();
      if (versions.has(version))
        throw new Error(`${options.name}: two handlers for ${type}@${version}`);
      versions.set(version, handler);
      this.handlers.set(type, versions);
    }
  }

  get topics(): string[] {
    return [...new Set(this.options.handlers.map((handler) => handler.definition.topic))];
  }

  async start(): Promise<void> {
    const { transport, name, partitions = DEFAULT_PARTITIONS } = this.options;
    await transport.ensureTopics(
      this.topics.flatMap((topic) => [
        { name: topic, partitions },
        { name: deadLetterTopic(topic), partitions },
      ]),
    );
    this.subscription = await transport.subscribe({
      groupId: name,
      topics: this.topics,
      handle: (records, ack) => this.processBatch(records, ack),
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  /** Records not yet handled, per topic. */
  async lag(): Promise<Record<string, number>> {
    return this.subscription ? this.subscription.lag() : {};
  }

  /**
   * Handles consecutive records of one partition. Runs of acceptable records are applied in one
   * transaction; if that fails, the run is applied again one record at a time with retries, so
   * only the failing record ends in the dead-letter topic.
   */
  private async processBatch(records: DeliveredRecord[], ack: RecordAcknowledger): Promise<void> {
    let index = 0;
    while (index < records.length) {
      const run: Classified[] = [];
      for (; index < records.length; index += 1) {
        const classified = this.classify(records[index]!);
        if (classified.kind === 'reject') break;
        run.push(classified);
      }
      if (run.length > 0 && !(await this.applyRun(run, ack))) {
        for (const classified of run) await this.applyWithRetries(classified, ack);
      }
      const rejected = index < records.length ? this.classify(records[index]!) : undefined;
      if (rejected?.kind === 'reject') {
        await this.deadLetter(rejected.record, ack, rejected.reason, rejected.message, 1);
        index += 1;
      }
    }
  }

  /** What to do with a record, decided before any transaction. */
  private classify(record: DeliveredRecord): Classified {
    const type = record.headers[Headers.eventType] ?? typeOf(record.value);
    const versions = type === undefined ? undefined : this.handlers.get(type);
    if (type !== undefined && !versions && this.catalogue.knowsType(type)) {
      return { kind: 'skip', record }; // another consumer's event
    }
    try {
      const event = this.catalogue.decode(record.value).envelope;
      const handler = versions?.get(event.version);
      if (handler) return { kind: 'handle', record, event, handler };
      const known = [...(versions?.keys() ?? [])].join(', ');
      return {
        kind: 'reject',
        record,
        reason: 'unknown-version',
        message: `${this.options.name} handles ${event.type} version(s) ${known}, not ${event.version}`,
      };
    } catch (error) {
      if (!(error instanceof EventRejectedError)) throw error;
      return { kind: 'reject', record, reason: error.reason, message: error.message };
    }
  }

  /** Applies a run in one transaction; false when any record failed (nothing is kept). */
  private async applyRun(run: Classified[], ack: RecordAcknowledger): Promise<boolean> {
    const toHandle = run.filter(
      (classified): classified is Handled => classified.kind === 'handle',
    );
    try {
      await this.options.dataSource.transaction(async (manager) => {
        const fresh = await this.recordInInbox(toHandle, manager);
        // Consecutive new events with the same handler go to its handleBatch when it has one.
        for (let start = 0; start < fresh.length;) {
          const { handler } = fresh[start]!;
          let end = start + 1;
          while (end < fresh.length && fresh[end]!.handler === handler) end += 1;
          const events = fresh.slice(start, end).map((classified) => classified.event);
          if (handler.handleBatch) await handler.handleBatch(events, manager);
          else for (const event of events) await handler.handle(event, manager);
          start = end;
        }
        await ack.inTransaction(manager, run[run.length - 1]!.record);
      });
    } catch (error) {
      this.options.logger.debug(
        { err: error, consumer: this.options.name },
        'batch failed; retrying record by record',
      );
      return false;
    }
    for (const classified of toHandle) this.options.onHandled?.(classified.event);
    return true;
  }

  /** Inserts inbox rows for the records; returns those not handled before, in order. */
  private async recordInInbox(records: Handled[], manager: EntityManager): Promise<Handled[]> {
    if (records.length === 0) return [];
    const inserted = await manager.query<{ event_id: string }[]>(
      `INSERT INTO "${this.options.schema}"."inbox" ("consumer", "event_id", "topic", "partition", "offset")
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::int[], $5::bigint[])
       ON CONFLICT DO NOTHING RETURNING "event_id"`,
      [
        this.options.name,
        records.map(({ event }) => event.eventId),
        records.map(({ record }) => record.topic),
        records.map(({ record }) => record.partition),
        records.map(({ record }) => record.offset),
      ],
    );
    const fresh = new Set(inserted.map((row) => row.event_id));
    return records.filter(({ event }) => fresh.delete(event.eventId));
  }

  private async applyWithRetries(classified: Classified, ack: RecordAcknowledger): Promise<void> {
    const { maxAttempts = 5, retryDelayMs = 100, logger, dataSource, name } = this.options;
    let lastError: unknown;
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      try {
        await dataSource.transaction(async (manager) => {
          await this.apply(classified, manager);
          await ack.inTransaction(manager, classified.record);
        });
        if (classified.kind === 'handle') this.options.onHandled?.(classified.event);
        return;
      } catch (error) {
        lastError = error;
        const { topic, partition, offset } = classified.record;
        logger.warn(
          { err: error, consumer: name, topic, partition, offset, attempt },
          'event handler failed',
        );
        if (attempt < maxAttempts) await delay(retryDelayMs * 2 ** (attempt - 1));
      }
    }
    const message = lastError instanceof Error ? lastError.message : String(lastError);
    await this.deadLetter(classified.record, ack, 'handler-failed', message, maxAttempts);
  }

  /** The record's effect plus its inbox row; nothing when the inbox already has it. */
  private async apply(classified: Classified, manager: EntityManager): Promise<void> {
    if (classified.kind !== 'handle') return;
    const [fresh] = await this.recordInInbox([classified], manager);
    if (fresh) await fresh.handler.handle(fresh.event, manager);
  }

  private async deadLetter(
    record: DeliveredRecord,
    ack: RecordAcknowledger,
    reason: DeadLetterReason,
    error: string,
    attempts: number,
  ): Promise<void> {
    const { dataSource, transport, name, logger } = this.options;
    await dataSource.transaction(async (manager) => {
      await transport.publish(
        [
          {
            topic: deadLetterTopic(record.topic),
            key: record.key,
            value: record.value,
            headers: {
              ...record.headers,
              [Headers.error]: error.slice(0, 2000),
              [Headers.errorReason]: reason,
              [Headers.attempts]: String(attempts),
              [Headers.consumer]: name,
              [Headers.originalTopic]: record.topic,
              [Headers.originalPartition]: String(record.partition),
              [Headers.originalOffset]: record.offset,
            },
          },
        ],
        transport.kind === 'postgres' ? manager : undefined,
      );
      await ack.inTransaction(manager, record);
    });
    this.options.onDeadLetter?.(reason);
    logger.error(
      {
        consumer: name,
        topic: record.topic,
        partition: record.partition,
        offset: record.offset,
        reason,
        error,
      },
      'event sent to the dead-letter topic',
    );
  }

  private get catalogue(): EventCatalog {
    return this.options.catalog ?? eventCatalog;
  }
}

interface Handled {
  kind: 'handle';
  record: DeliveredRecord;
  event: EventEnvelope<object>;
  handler: EventHandler;
}

type Classified =
  | { kind: 'skip'; record: DeliveredRecord }
  | { kind: 'reject'; record: DeliveredRecord; reason: DeadLetterReason; message: string }
  | Handled;

function typeOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' ? type : undefined;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
