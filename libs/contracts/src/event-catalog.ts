import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { envelopeProblems, type EventEnvelope } from './envelope.js';
import type { EventDefinition } from './event-definition.js';
import { v7 as uuidv7 } from 'uuid';

export type RejectionReason =
  'malformed-envelope' | 'unknown-type' | 'unknown-version' | 'invalid-payload';

/** An event that must not be handled (or produced): why, and what failed. */
export class EventRejectedError extends Error {
  constructor(
    readonly reason: RejectionReason,
    readonly details: string[],
  ) {
    super(`${reason}: ${details.join('; ')}`);
    this.name = 'EventRejectedError';
  }
}

export interface DecodedEvent<P extends object = object> {
  envelope: EventEnvelope<P>;
  definition: EventDefinition<P>;
}

export interface NewEvent<P extends object = object> {
  definition: EventDefinition<P>;
  aggregateId: string;
  payload: P;
  correlationId: string;
  causationId?: string | null;
  /** Defaults to now. */
  occurredAt?: Date;
}

/** Every known (type, version) pair, used to validate events on the way out and on the way in. */
export class EventCatalog {
  private readonly byKey = new Map<string, EventDefinition>();
  private readonly versions = new Map<string, number[]>();

  constructor(definitions: readonly EventDefinition[]) {
    for (const definition of definitions) {
      const key = `${definition.type}@${definition.version}`;
      if (this.byKey.has(key)) throw new Error(`event ${key} is defined twice`);
      this.byKey.set(key, definition);
      this.versions.set(definition.type, [
        ...(this.versions.get(definition.type) ?? []),
        definition.version,
      ]);
    }
  }

  get definitions(): EventDefinition[] {
    return [...this.byKey.values()];
  }

  find(type: string, version: number): EventDefinition | undefined {
    return this.byKey.get(`${type}@${version}`);
  }

  knowsType(type: string): boolean {
    return this.versions.has(type);
  }

  /**
   * Builds a validated envelope; throws EventRejectedError rather than produce a bad event.
   * `validatePayload: false` is for bulk paths whose payloads are all built by one function from
   * values the domain has validated: they validate the first payload and skip the rest.
   */
  envelope<P extends object>(
    producer: string,
    event: NewEvent<P>,
    { validatePayload: validate = true }: { validatePayload?: boolean } = {},
  ): EventEnvelope<P> {
    const { definition } = event;
    if (this.find(definition.type, definition.version) !== definition) {
      throw new EventRejectedError('unknown-type', [
        `${definition.type}@${definition.version} is not in the catalog`,
      ]);
    }
    const problems = validate ? validatePayload(definition, event.payload) : [];
    if (problems.length) throw new EventRejectedError('invalid-payload', problems);
    return {
      // Time-ordered: the outbox, inbox and event log index event ids as they are appended.
      eventId: uuidv7(),
      type: definition.type,
      version: definition.version,
      occurredAt: (event.occurredAt ?? new Date()).toISOString(),
      producer,
      aggregateId: event.aggregateId,
      correlationId: event.correlationId,
      causationId: event.causationId ?? null,
      payload: event.payload,
    };
  }

  /**
   * Validates a received envelope and its payload against the catalog. Throws EventRejectedError
   * for a malformed envelope, a type or version the catalog does not know, or an invalid payload.
   */
  decode(raw: unknown): DecodedEvent {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new EventRejectedError('malformed-envelope', ['not an object']);
    }
    const problems = envelopeProblems(raw as Record<string, unknown>);
    if (problems.length) throw new EventRejectedError('malformed-envelope', problems);
    const envelope = raw as EventEnvelope<Record<string, unknown>>;
    const definition = this.find(envelope.type, envelope.version);
    if (!definition) {
      const known = this.versions.get(envelope.type);
      throw known
        ? new EventRejectedError('unknown-version', [
            `${envelope.type} version ${envelope.version}; known: ${known.join(', ')}`,
          ])
        : new EventRejectedError('unknown-type', [envelope.type]);
    }
    const payload = plainToInstance(definition.payload, envelope.payload);
    const payloadProblems = validatePayload(definition, payload);
    if (payloadProblems.length) throw new EventRejectedError('invalid-payload', payloadProblems);
    return { envelope: { ...envelope, payload }, definition };
  }
}

function validatePayload(definition: EventDefinition, payload: object): string[] {
  const instance =
    payload instanceof definition.payload ? payload : plainToInstance(definition.payload, payload);
  return flatten(validateSync(instance, { forbidUnknownValues: true }));
}

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = `${prefix}${error.property}`;
    return [
      ...Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`),
      ...flatten(error.children ?? [], `${path}.`),
    ];
  });
}
