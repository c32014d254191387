import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A client of a platform's machines (client credentials), bound to one platform party. Its
 * secrets are in `client_secrets` (hashed); a `private_key_jwt` client holds the platform's
 * public key instead. Deleting keeps the row (`deleted_at`) for the audit.
 */
@Entity({ name: 'platform_clients' })
@Index('platform_clients_idempotency', ['partyId', 'idempotencyKey'], { unique: true })
export class PlatformClientEntity {
  @PrimaryColumn({ name: 'client_id', type: 'text' })
  clientId: string;

  @Column({ name: 'party_id', type: 'uuid' })
  partyId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'auth_method', type: 'text' })
  authMethod: string;

  /** The platform's public key (`private_key_jwt`). */
  @Column({ type: 'jsonb', nullable: true })
  jwk: Record<string, unknown> | null;

  /** The Idempotency-Key of the request that created it, per party. */
  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey: string | null;

  /** What that request asked for (a hash), to tell a retry from another request on the key. */
  @Column({ name: 'request_hash', type: 'text', nullable: true })
  requestHash: string | null;

  /** The authorization service's API key it was made from, if any. */
  @Index('platform_clients_api_key', { unique: true })
  @Column({ name: 'api_key_id', type: 'uuid', nullable: true })
  apiKeyId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
