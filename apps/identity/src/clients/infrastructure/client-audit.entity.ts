import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One change to a platform client: who (subject, role, party) did what, when. No secrets. */
@Entity({ name: 'client_audit' })
@Index('client_audit_client', ['clientId'])
export class ClientAuditEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'text' })
  clientId: string;

  @Column({ name: 'party_id', type: 'uuid' })
  partyId: string;

  /** CREATED, SECRET_ROTATED, DELETED or IMPORTED_API_KEY. */
  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'actor_subject', type: 'text' })
  actorSubject: string;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole: string;

  @Column({ name: 'actor_party', type: 'uuid', nullable: true })
  actorParty: string | null;

  @Column({ type: 'timestamptz' })
  at: Date;
}
