import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum DeliveryStatus {
  /** Waiting for its first attempt or its next retry. */
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  /** The retry schedule ran out; redelivery starts it again. */
  PARKED = 'PARKED',
  /** The endpoint was deleted or disabled before the delivery succeeded. */
  CANCELLED = 'CANCELLED',
}

/**
 * A message on its way to one endpoint. The id orders deliveries: for one endpoint and ordering
 * key, a delivery is attempted only when no earlier one is still pending. A redelivery is a new
 * row for the same message (same `webhook-id`).
 */
@Entity({ name: 'webhook_deliveries' })
@Index('webhook_deliveries_due', ['nextAttemptAt'], { where: `"status" = 'PENDING'` })
@Index('webhook_deliveries_queue', ['endpointId', 'orderingKey', 'id'], {
  where: `"status" = 'PENDING'`,
})
@Index('webhook_deliveries_log', ['endpointId', 'createdAt'])
@Index('webhook_deliveries_message', ['messageId'])
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'message_id', type: 'text' })
  messageId: string;

  @Column({ name: 'endpoint_id', type: 'uuid' })
  endpointId: string;

  @Column({ name: 'ordering_key', type: 'text' })
  orderingKey: string;

  @Column({ type: 'text' })
  status: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt: Date;

  /** While set in the future, one dispatcher holds the delivery; a crashed one's lease expires. */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'first_attempt_at', type: 'timestamptz', nullable: true })
  firstAttemptAt: Date | null;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  @Column({ name: 'last_response_status', type: 'integer', nullable: true })
  lastResponseStatus: number | null;

  @Column({ name: 'last_latency_ms', type: 'integer', nullable: true })
  lastLatencyMs: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** The delivery this one repeats, for a redelivery. */
  @Column({ name: 'redelivery_of', type: 'bigint', nullable: true })
  redeliveryOf: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
