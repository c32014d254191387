import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One line of the accounts' audit log: what happened (AuditEvent), to which account (none for
 * a failed sign-in with an unknown address), from which client address and OpenID client.
 * Never a password, a token, a hash or the address typed.
 */
@Entity({ name: 'account_audit' })
@Index('account_audit_account', ['accountId', 'at'])
export class AccountAuditEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'text' })
  event: string;

  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId: string | null;

  @Column({ name: 'client_address', type: 'text', nullable: true })
  clientAddress: string | null;

  @Column({ name: 'client_id', type: 'text', nullable: true })
  clientId: string | null;
}
