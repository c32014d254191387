import type { DeliveredRecord } from '../transport/event-transport.js';

/** Channel on which appends are announced; the payload is the topic name. */
export const EVENT_LOG_CHANNEL = 'eventlog_appended';

/** A row of `eventlog.events` as the adapter selects it. */
export interface EventRow {
  topic: string;
  partition: number;
  offset: string;
  key: string;
  value: unknown;
  headers: Record<string, string>;
}

/**
 * Columns of `eventlog.events` as records carry them. The offset comes out as text (bigint), so
 * queries must order by the qualified column `"events"."offset"`, never by the output name.
 */
export const EVENT_COLUMNS = `"topic", "partition", "offset"::text AS "offset", "key", "value", "headers"`;

export function toRecord(row: EventRow): DeliveredRecord {
  return {
    topic: row.topic,
    partition: row.partition,
    offset: row.offset,
    key: row.key,
    value: row.value,
    headers: row.headers,
  };
}
