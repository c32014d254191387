import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from '../../accounts/infrastructure/account.entity.js';

/**
 * A passkey of an account: the credential's id and public key (COSE), its signature counter and
 * backup flags as the authenticator reported them, and the name the person gave it. Deleted
 * with its account.
 */
@Entity({ name: 'passkeys' })
@Index('passkeys_account', ['accountId'])
export class PasskeyEntity {
  /** The credential id, base64url. */
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: AccountEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'public_key', type: 'bytea' })
  publicKey: Buffer;

  /** The authenticator's signature counter (0 for those that keep none). */
  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  counter: number;

  /** How the browser may reach the authenticator (`internal`, `hybrid`, `usb`...). */
  @Column({ type: 'text', array: true })
  transports: string[];

  /** `singleDevice` or `multiDevice` (synced). */
  @Column({ name: 'device_type', type: 'text' })
  deviceType: string;

  @Column({ name: 'backed_up', type: 'boolean' })
  backedUp: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;
}
