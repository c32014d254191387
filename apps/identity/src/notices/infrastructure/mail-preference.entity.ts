import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from '../../accounts/infrastructure/account.entity.js';

/**
 * A person's choices for the notices mailed to them: their language and the kinds they turned
 * off. No row: every default (the account's language, every kind on).
 */
@Entity({ name: 'mail_preferences' })
export class MailPreferenceEntity {
  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  /** A deleted account's preferences go with it. */
  @OneToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: AccountEntity;

  /** `ja` or `en`; null: the account's language. */
  @Column({ type: 'text', nullable: true })
  language: string | null;

  /** The notice kinds turned off (NoticeKind values). */
  @Column({ name: 'muted_kinds', type: 'text', array: true })
  mutedKinds: string[];

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
