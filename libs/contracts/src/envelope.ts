/** What travels on every topic: metadata plus the event's own payload. */
export interface EventEnvelope<P = unknown> {
  eventId: string;
  /** e.g. `registry.work.registered` */
  type: string;
  version: number;
  /** ISO 8601 instant. */
  occurredAt: string;
  /** Service that produced the event, e.g. `rights-registry`. */
  producer: string;
  /** Message key: events of one aggregate stay in order. */
  aggregateId: string;
  /** Follows one user action across services; defaults to the originating request id. */
  correlationId: string;
  /** Id of the event (or request) that caused this one. */
  causationId: string | null;
  payload: P;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const EVENT_TYPE = /^[a-z]+(\.[a-z-]+)+$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Problems with an envelope's own fields (the payload is validated against its event class).
 * Written out by hand: every consumed event passes through it.
 */
export function envelopeProblems(raw: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const text = (field: string) => typeof raw[field] === 'string' && raw[field].length > 0;
  if (typeof raw.eventId !== 'string' || !UUID.test(raw.eventId))
    problems.push('eventId: must be a UUID');
  if (typeof raw.type !== 'string' || !EVENT_TYPE.test(raw.type)) {
    problems.push('type: must look like domain.aggregate.event');
  }
  if (!Number.isInteger(raw.version) || (raw.version as number) < 1)
    problems.push('version: must be an integer >= 1');
  if (
    typeof raw.occurredAt !== 'string' ||
    !INSTANT.test(raw.occurredAt) ||
    Number.isNaN(Date.parse(raw.occurredAt))
  ) {
    problems.push('occurredAt: must be an ISO 8601 instant');
  }
  for (const field of ['producer', 'aggregateId', 'correlationId']) {
    if (!text(field)) problems.push(`${field}: must be a non-empty string`);
  }
  if (
    raw.causationId !== undefined &&
    raw.causationId !== null &&
    typeof raw.causationId !== 'string'
  ) {
    problems.push('causationId: must be a string or null');
  }
  if (typeof raw.payload !== 'object' || raw.payload === null || Array.isArray(raw.payload)) {
    problems.push('payload: must be an object');
  }
  return problems;
}
