import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from '../../accounts/infrastructure/account.entity.js';

/**
 * A notice mailed to one person: written in the transaction that sends the mail, so a notice
 * sent again (a retry, a crash between two recipients) mails nobody twice.
 */
@Entity({ name: 'notice_deliveries' })
export class NoticeDeliveryEntity {
  @PrimaryColumn({ name: 'notice_id', type: 'uuid' })
  noticeId: string;

  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  /** A deleted account's deliveries go with it. */
  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: AccountEntity;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt: Date;
}
