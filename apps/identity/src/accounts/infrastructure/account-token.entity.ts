import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A single-use token sent by mail (to verify an address, to reset a password): only its
 * SHA-256 is kept, so the table opens no account; used once, then `used_at` is set.
 */
@Entity({ name: 'account_tokens' })
@Index('account_tokens_account', ['accountId'])
export class AccountTokenEntity {
  @PrimaryColumn({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  /** `verify-email` or `reset-password`: a token serves its own purpose only. */
  @Column({ type: 'text' })
  purpose: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
