import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Why an endpoint receives nothing: its owner turned it off, or it kept failing for days. */
export enum EndpointDisabledReason {
  BY_OWNER = 'BY_OWNER',
  FAILING = 'FAILING',
}

/**
 * Where a platform or a society wants its events: a URL, the event types it takes (empty: all
 * it may receive), on or off. Secrets are rows of `webhook_secrets`.
 */
@Entity({ name: 'webhook_endpoints' })
@Index('webhook_endpoints_owner', ['ownerPartyId', 'createdAt'])
export class WebhookEndpointEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** The platform or society whose events the endpoint receives. */
  @Column({ name: 'owner_party_id', type: 'uuid' })
  ownerPartyId: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** Event types delivered; empty means every type the owner may receive. */
  @Column({ name: 'event_types', type: 'text', array: true })
  eventTypes: string[];

  @Column({ type: 'boolean' })
  enabled: boolean;

  @Column({ name: 'disabled_reason', type: 'text', nullable: true })
  disabledReason: EndpointDisabledReason | null;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  /** The first failed attempt since the last success; null while the endpoint is healthy. */
  @Column({ name: 'failing_since', type: 'timestamptz', nullable: true })
  failingSince: Date | null;

  @Column({ name: 'failed_attempts', type: 'integer', default: 0 })
  failedAttempts: number;

  @Column({ name: 'last_success_at', type: 'timestamptz', nullable: true })
  lastSuccessAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
