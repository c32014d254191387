import type { EntityManager } from 'typeorm';
import {
  eventCatalog,
  type EventCatalog,
  type EventEnvelope,
  type NewEvent,
} from '#libs/contracts';
import { partitionFor } from '../transport/partition.js';

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

  async add(manager: EntityManager, events: NewEvent[]): Promise<EventEnvelope[]> {
    if (events.length === 0) return [];
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Outbox.add needs the EntityManager of an open transaction');
    }
    const envelopes = events.map((event) => this.catalog.envelope(this.producer, event));
    await manager.query(
      `INSERT INTO "${this.schema}"."outbox" ("event_id", "topic", "aggregate_id", "lane", "envelope")
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::smallint[], $5::jsonb[])`,
      [
        envelopes.map((e) => e.eventId),
        events.map((e) => e.definition.topic),
        envelopes.map((e) => e.aggregateId),
        envelopes.map((e) => partitionFor(e.aggregateId, OUTBOX_LANES)),
        envelopes.map((e) => JSON.stringify(e)),
      ],
    );
    await manager.query('SELECT pg_notify($1, $2)', [outboxChannel(this.schema), '']);
    return envelopes;
  }
}
