import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum MailNoticeStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  /** Given up after its retries; visible to operators. */
  FAILED = 'FAILED',
}

/**
 * A notice for the people of a party (an opt-out confirmed, a statement available...), handed
 * to the identity app, which mails each person who wants it in their language. Its id is the
 * notice id identity dedupes by.
 */
@Entity({ name: 'mail_notices' })
@Index('mail_notices_source', ['sourceEventId', 'partyId', 'kind'], { unique: true })
@Index('mail_notices_due', ['nextAttemptAt'], { where: `"status" = 'PENDING'` })
export class MailNoticeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'party_id', type: 'uuid' })
  partyId: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'jsonb' })
  params: Record<string, unknown>;

  @Column({ name: 'source_event_id', type: 'uuid' })
  sourceEventId: string;

  @Column({ type: 'text' })
  status: MailNoticeStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt: Date;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
