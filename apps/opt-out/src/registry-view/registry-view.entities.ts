import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { PartyKind, WorkCategory } from '#libs/contracts';

/** Works as the registry announced them (registry.work.* events). */
@Entity({ name: 'works' })
export class WorkRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Index('works_category')
  @Column({ type: 'text' })
  category: WorkCategory;
}

/** One version of a work's shares: who holds a share (any right type) from `effectiveFrom`. */
@Entity({ name: 'share_versions' })
export class ShareVersionRecord {
  @PrimaryColumn({ name: 'work_id', type: 'uuid' })
  workId: string;

  @PrimaryColumn({ name: 'effective_from', type: 'timestamptz' })
  effectiveFrom: Date;
}

@Entity({ name: 'share_holders' })
@Index('share_holders_holder', ['holderId'])
export class ShareHolderRecord {
  @PrimaryColumn({ name: 'work_id', type: 'uuid' })
  workId: string;

  @PrimaryColumn({ name: 'effective_from', type: 'timestamptz' })
  effectiveFrom: Date;

  @PrimaryColumn({ name: 'holder_id', type: 'uuid' })
  holderId: string;
}

@Entity({ name: 'parties' })
export class PartyRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: PartyKind;
}

/** A membership over [memberFrom, memberTo). */
@Entity({ name: 'memberships' })
export class MembershipRecord {
  @PrimaryColumn({ name: 'party_id', type: 'uuid' })
  partyId: string;

  @PrimaryColumn({ name: 'society_id', type: 'uuid' })
  societyId: string;

  @PrimaryColumn({ name: 'member_from', type: 'date' })
  memberFrom: string;

  @Column({ name: 'member_to', type: 'date', nullable: true })
  memberTo: string | null;
}
