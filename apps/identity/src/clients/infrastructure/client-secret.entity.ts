import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A secret of a platform client, only as its hash (`scrypt$...`, or `sha256$...` for a
 * migrated API key). A rotation gives the replaced secrets an `expires_at` (the grace).
 */
@Entity({ name: 'client_secrets' })
@Index('client_secrets_client', ['clientId'])
export class ClientSecretEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'text' })
  clientId: string;

  @Column({ type: 'text' })
  hash: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;
}
