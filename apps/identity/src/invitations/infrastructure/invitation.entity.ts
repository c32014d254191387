import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An invitation to a grant, mailed to an address: the link's token only as its hash, valid
 * seven days, used once. At most one pending invitation per address, role and party.
 */
@Entity({ name: 'invitations' })
@Index('invitations_pending_once', ['email', 'role', 'partyKey'], {
  unique: true,
  where: '"accepted_at" IS NULL AND "withdrawn_at" IS NULL',
})
@Index('invitations_inviter', ['invitedBy'])
export class InvitationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Normalized, as accounts are found by. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  role: string;

  @Column({ name: 'party_id', type: 'uuid', nullable: true })
  partyId: string | null;

  /** The party id, or '' for the operator: what the one-pending rule compares. */
  @Column({ name: 'party_key', type: 'text' })
  partyKey: string;

  @Column({ name: 'party_name', type: 'text', nullable: true })
  partyName: string | null;

  @Column({ name: 'party_kind', type: 'text', nullable: true })
  partyKind: string | null;

  /** The inviting account, and the role and party name it invited as (shown to the invitee). */
  @Column({ name: 'invited_by', type: 'uuid' })
  invitedBy: string;

  @Column({ name: 'inviter_role', type: 'text' })
  inviterRole: string;

  @Column({ name: 'inviter_party_name', type: 'text', nullable: true })
  inviterPartyName: string | null;

  /** The language of the mail and the page (`ja` or `en`). */
  @Column({ type: 'text' })
  language: string;

  @Column({ name: 'token_hash', type: 'text', unique: true })
  tokenHash: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'accepted_by', type: 'uuid', nullable: true })
  acceptedBy: string | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;
}
