import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A signing secret of an endpoint (`whsec_` and base64, as Standard Webhooks has it). A
 * rotation gives the previous secret an `expiresAt`: until then deliveries carry a signature
 * by each, so the receiver may switch at any moment of the overlap.
 */
@Entity({ name: 'webhook_secrets' })
@Index('webhook_secrets_endpoint', ['endpointId', 'createdAt'])
export class WebhookSecretEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'endpoint_id', type: 'uuid' })
  endpointId: string;

  @Column({ type: 'text' })
  secret: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Null while the secret is the current one. */
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;
}
