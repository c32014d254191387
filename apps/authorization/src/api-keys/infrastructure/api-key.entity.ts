import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A platform's API key: only its SHA-256 is stored; revoking keeps the row. */
@Entity({ name: 'api_keys' })
@Index('api_keys_platform', ['platformId'])
export class ApiKeyEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'platform_id', type: 'uuid' })
  platformId: string;

  @Column({ type: 'text' })
  name: string;

  /** The first characters of the key, to tell keys apart. */
  @Column({ type: 'text' })
  prefix: string;

  @Index('api_keys_hash', { unique: true })
  @Column({ name: 'key_hash', type: 'text' })
  keyHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
