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
import { IdentifierScheme, RightType, WorkCategory } from '#libs/contracts';
import { PartyEntity } from '../../parties/infrastructure/party.entities.js';

@Entity({ name: 'works' })
@Index('works_normalized_title_trgm', { synchronize: false }) // GIN (pg_trgm), created by migration
export class WorkEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  /** normalizeTitle(title): what search and matching compare. */
  @Column({ name: 'normalized_title', type: 'text' })
  normalizedTitle: string;

  @Index('works_category')
  @Column({ type: 'text' })
  category: WorkCategory;

  @Column({ name: 'creator_names', type: 'text', array: true, default: () => "'{}'" })
  creatorNames: string[];

  /** normalizeTitle of the creator names joined, for matching by title and creator. */
  @Column({ name: 'normalized_creators', type: 'text', default: '' })
  normalizedCreators: string;

  @Column({ name: 'registered_by', type: 'uuid' })
  registeredBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** Another title of a work, in a language (BCP 47), e.g. a romanization or a translation. */
@Entity({ name: 'work_titles' })
@Index('work_titles_work', ['workId'])
@Index('work_titles_normalized_title_trgm', { synchronize: false }) // GIN (pg_trgm), created by migration
export class WorkTitleEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'work_id', type: 'uuid' })
  workId: string;

  @ManyToOne(() => WorkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'work_id' })
  work?: Relation<WorkEntity>;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'normalized_title', type: 'text' })
  normalizedTitle: string;

  @Column({ type: 'text', nullable: true })
  language: string | null;
}

/** An identifier of a work; a (scheme, value) pair belongs to one work only. */
@Entity({ name: 'work_identifiers' })
@Index('work_identifiers_work', ['workId'])
export class WorkIdentifierEntity {
  @PrimaryColumn({ type: 'text' })
  scheme: IdentifierScheme;

  /** Stored (normalized) form. */
  @PrimaryColumn({ type: 'text' })
  value: string;

  @Column({ name: 'work_id', type: 'uuid' })
  workId: string;

  @ManyToOne(() => WorkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'work_id' })
  work?: Relation<WorkEntity>;
}

/** The complete set of a work's shares from `effectiveFrom` until the next version. */
@Entity({ name: 'share_versions' })
@Index('share_versions_work_effective', ['workId', 'effectiveFrom'], { unique: true })
export class ShareVersionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'work_id', type: 'uuid' })
  workId: string;

  @ManyToOne(() => WorkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'work_id' })
  work?: Relation<WorkEntity>;

  @Column({ name: 'effective_from', type: 'timestamptz' })
  effectiveFrom: Date;

  @Column({ name: 'changed_by', type: 'uuid' })
  changedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity({ name: 'shares' })
@Index('shares_holder', ['holderId'])
export class ShareEntity {
  @PrimaryColumn({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @ManyToOne(() => ShareVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  version?: Relation<ShareVersionEntity>;

  @PrimaryColumn({ name: 'holder_id', type: 'uuid' })
  holderId: string;

  @ManyToOne(() => PartyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'holder_id' })
  holder?: Relation<PartyEntity>;

  @PrimaryColumn({ name: 'right_type', type: 'text' })
  rightType: RightType;

  @Column({ name: 'share_bps', type: 'integer' })
  shareBps: number;
}

export enum DisputeStatus {
  OPEN = 'OPEN',
  /** Settled by the operator or the holders' society: the claim accepted or rejected. */
  RESOLVED = 'RESOLVED',
  /** Withdrawn by the claimant's side; the shares never changed. */
  WITHDRAWN = 'WITHDRAWN',
}

/** A conflicting claim on a work, waiting for an admin; nothing was overwritten. */
@Entity({ name: 'disputes' })
@Index('disputes_open_work', ['workId'], { where: `"status" = 'OPEN'` })
@Index('disputes_opened_by', ['openedBy', 'openedAt'])
@Index('disputes_claimant', ['claimantId', 'openedAt'])
export class DisputeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'work_id', type: 'uuid' })
  workId: string;

  @ManyToOne(() => WorkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'work_id' })
  work?: Relation<WorkEntity>;

  @Column({ type: 'text' })
  status: DisputeStatus;

  @Column({ type: 'text' })
  reason: string;

  /** The right holder claiming: the caller when it claimed for itself, else the first claimed holder. */
  @Column({ name: 'claimant_id', type: 'uuid' })
  claimantId: string;

  /** The caller whose registration opened the dispute (a holder, a society admin, the operator). */
  @Column({ name: 'opened_by', type: 'uuid' })
  openedBy: string;

  /** The shares the claimant asked for. */
  @Column({ name: 'claimed_shares', type: 'jsonb' })
  claimedShares: { holderId: string; rightType: RightType; shareBps: number }[];

  @Column({ name: 'party_ids', type: 'uuid', array: true })
  partyIds: string[];

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy: string | null;

  @Column({ type: 'text', nullable: true })
  resolution: string | null;

  /** The holders' side's answer to the claim, the latest one given. */
  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Column({ name: 'answered_by', type: 'uuid', nullable: true })
  answeredBy: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;
}
