import type { EntityManager } from 'typeorm';
import {
  eventCatalog,
  type EventCatalog,
  type EventEnvelope,
  type NewEvent,
} from '#libs/contracts';
import { partitionFor } from '../transport/partition.js';

/** An event in the columns of an outbox row; `envelope` is JSON text. */
export interface PreparedEvent {
  eventId: string;
  topic: string;
  aggregateId: string;
  lane: number;
  envelope: string;
}

/** Relay lanes: rows of one lane are published in order by one relay at a time. */
export const OUTBOX_LANES = 8;

export function outboxChannel(schema: string): string {
  return `outbox_${schema}`;
}

/**
 * The transactional outbox of one service. `add` writes events through the EntityManager of the
 * use case's transaction, so they exist exactly when the state change does; the relay publishes
 * them after commit (NOTIFY, sent at commit, wakes it).
 */
export class Outbox {
  constructor(
    readonly producer: string,
    readonly schema: string,
    private readonly catalog: EventCatalog = eventCatalog,
  ) {}

  /**
   * An event as an outbox row, for bulk paths that stage rows (e.g. with COPY) and move them
   * into the outbox with `addSelected`. The envelope is built and validated like `add` does,
   * unless `validatePayload` is false (see EventCatalog.envelope).
   */
  prepare(event: NewEvent, options: { validatePayload?: boolean } = {}): PreparedEvent {
    return outboxRow(event, this.catalog.envelope(this.producer, event, options));
  }

  /**
   * Adds the rows a query selects, in its order. The query returns the columns of
   * PreparedEvent, named event_id, topic, aggregate_id, lane and envelope.
   */
  async addSelected(manager: EntityManager, select: string, parameters: unknown[] = []) {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Outbox.addSelected needs the EntityManager of an open transaction');
    }
    await manager.query(
      `INSERT INTO "${this.schema}"."outbox" ("event_id", "topic", "aggregate_id", "lane", "envelope")
       SELECT "event_id", "topic", "aggregate_id", "lane", "envelope" FROM (${select}) AS selected`,
      parameters,
    );
    await manager.query('SELECT pg_notify($1, $2)', [outboxChannel(this.schema), '']);
  }

  /**
   * Adds prepared events (see `prepare`) in their order, in one statement: the bulk path for
   * events built from rows the use case reads in chunks. Every row of one aggregate must be
   * given in its order.
   */
  async addPrepared(manager: EntityManager, events: readonly PreparedEvent[]): Promise<void> {
    if (events.length === 0) return;
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Outbox.addPrepared needs the EntityManager of an open transaction');
    }
    await manager.query(
      `INSERT INTO "${this.schema}"."outbox" ("event_id", "topic", "aggregate_id", "lane", "envelope")
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::smallint[], $5::jsonb[])`,
      [
        events.map((e) => e.eventId),
        events.map((e) => e.topic),
        events.map((e) => e.aggregateId),
        events.map((e) => e.lane),
        events.map((e) => e.envelope),
      ],
    );
    await manager.query('SELECT pg_notify($1, $2)', [outboxChannel(this.schema), '']);
  }

  async add(manager: EntityManager, events: NewEvent[]): Promise<EventEnvelope[]> {
    if (events.length === 0) return [];
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Outbox.add needs the EntityManager of an open transaction');
    }
    const envelopes = events.map((event) => this.catalog.envelope(this.producer, event));
    await this.addPrepared(
      manager,
      events.map((event, index) => outboxRow(event, envelopes[index]!)),
    );
    return envelopes;
  }
}

function outboxRow(event: NewEvent, envelope: EventEnvelope): PreparedEvent {
  return {
    eventId: envelope.eventId,
    topic: event.definition.topic,
    aggregateId: envelope.aggregateId,
    lane: partitionFor(envelope.aggregateId, OUTBOX_LANES),
    envelope: JSON.stringify(envelope),
  };
}
