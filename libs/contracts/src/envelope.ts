import {
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Min,
  MinLength,
} from 'class-validator';

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

export class EventEnvelopeDto implements EventEnvelope<Record<string, unknown>> {
  @IsUUID()
  eventId: string;

  @Matches(/^[a-z]+(\.[a-z-]+)+$/, { message: '$property must look like domain.aggregate.event' })
  type: string;

  @IsInt()
  @Min(1)
  version: number;

  @IsISO8601({ strict: true })
  occurredAt: string;

  @IsString()
  @MinLength(1)
  producer: string;

  @IsString()
  @MinLength(1)
  aggregateId: string;

  @IsString()
  @MinLength(1)
  correlationId: string;

  @IsOptional()
  @IsString()
  causationId: string | null;

  @IsObject()
  payload: Record<string, unknown>;
}
