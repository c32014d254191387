import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from '../../accounts/infrastructure/account.entity.js';

/**
 * An account's grant: the role it may act in on a party (none for the operator), who gave it,
 * when, and when it was taken back. At most one active grant per account, role and party; the
 * party's name and kind are kept as they were when it was given (listed without asking the
 * registry).
 */
@Entity({ name: 'grants' })
@Index('grants_account', ['accountId'])
@Index('grants_active_once', ['accountId', 'role', 'partyKey'], {
  unique: true,
  where: '"revoked_at" IS NULL',
})
export class GrantEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  /** A deleted account's grants go with it. */
  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: AccountEntity;

  @Column({ type: 'text' })
  role: string;

  @Column({ name: 'party_id', type: 'uuid', nullable: true })
  partyId: string | null;

  /** The party id, or '' for the operator: what the one-active-grant rule compares. */
  @Column({ name: 'party_key', type: 'text' })
  partyKey: string;

  @Column({ name: 'party_name', type: 'text', nullable: true })
  partyName: string | null;

  @Column({ name: 'party_kind', type: 'text', nullable: true })
  partyKind: string | null;

  /** `account:<id>`, `client:<id>`, `invitation:<id>` or `self-service`. */
  @Column({ name: 'granted_by', type: 'text' })
  grantedBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
