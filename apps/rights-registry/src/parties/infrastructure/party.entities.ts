import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { PartyKind } from '#libs/contracts';

@Entity({ name: 'parties' })
export class PartyEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: PartyKind;

  @Column({ type: 'text' })
  name: string;

  @Index('parties_ipi_name_number', { unique: true, where: '"ipi_name_number" IS NOT NULL' })
  @Column({ name: 'ipi_name_number', type: 'text', nullable: true })
  ipiNameNumber: string | null;

  @Column({ type: 'char', length: 2, nullable: true })
  country: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A party's membership of a society over [memberFrom, memberTo). */
@Entity({ name: 'memberships' })
@Index('memberships_party', ['partyId'])
export class MembershipEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'party_id', type: 'uuid' })
  partyId: string;

  @ManyToOne(() => PartyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'party_id' })
  party?: Relation<PartyEntity>;

  @Column({ name: 'society_id', type: 'uuid' })
  societyId: string;

  @ManyToOne(() => PartyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'society_id' })
  society?: Relation<PartyEntity>;

  @Column({ name: 'member_from', type: 'date' })
  memberFrom: string;

  @Column({ name: 'member_to', type: 'date', nullable: true })
  memberTo: string | null;
}

export enum MembershipOfferStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}

/**
 * A society's offer of membership to a right holder: a membership needs the holder's consent,
 * so it starts only when the holder accepts. One pending offer per holder and society.
 */
@Entity({ name: 'membership_offers' })
@Index('membership_offers_pending', ['partyId', 'societyId'], {
  unique: true,
  where: `"status" = 'PENDING'`,
})
@Index('membership_offers_society', ['societyId'])
export class MembershipOfferEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'party_id', type: 'uuid' })
  partyId: string;

  @ManyToOne(() => PartyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'party_id' })
  party?: Relation<PartyEntity>;

  @Column({ name: 'society_id', type: 'uuid' })
  societyId: string;

  @ManyToOne(() => PartyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'society_id' })
  society?: Relation<PartyEntity>;

  @Column({ name: 'member_from', type: 'date' })
  memberFrom: string;

  @Column({ name: 'member_to', type: 'date', nullable: true })
  memberTo: string | null;

  @Column({ type: 'text' })
  status: MembershipOfferStatus;

  @Column({ name: 'offered_by', type: 'uuid' })
  offeredBy: string;

  @CreateDateColumn({ name: 'offered_at', type: 'timestamptz' })
  offeredAt: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
