import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { minorUnits } from '#libs/database';

export enum ReserveStatus {
  OPEN = 'OPEN',
  CLAIMED = 'CLAIMED',
  RELEASED = 'RELEASED',
}

export enum ClaimStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

/**
 * Money a batch could not pay yet: UNCLAIMED, UNIDENTIFIED, DISPUTED (public) and NON_MEMBER
 * (held for a known holder until it claims). Claimable until `releaseAfter`.
 */
@Entity({ name: 'reserves' })
@Index('reserves_batch', ['batchId'])
export class ReserveEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'batch_id', type: 'uuid' })
  batchId: string;

  @Column({ name: 'work_key', type: 'text' })
  workKey: string;

  @Column({ name: 'holder_key', type: 'text' })
  holderKey: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'numeric', precision: 38, scale: 0, transformer: minorUnits })
  amount: bigint;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'text' })
  status: ReserveStatus;

  @Column({ name: 'release_after', type: 'date' })
  releaseAfter: string;

  @Column({ name: 'released_at', type: 'timestamptz', nullable: true })
  releasedAt: Date | null;
}

@Entity({ name: 'claims' })
@Index('claims_holder', ['holderId'])
export class ClaimEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'reserve_id', type: 'uuid' })
  reserveId: string;

  @Column({ name: 'holder_id', type: 'uuid' })
  holderId: string;

  @Column({ type: 'text' })
  evidence: string;

  @Column({ type: 'text' })
  status: ClaimStatus;

  @Column({ name: 'claimed_by', type: 'uuid' })
  claimedBy: string;

  @Column({ name: 'settled_by', type: 'uuid', nullable: true })
  settledBy: string | null;

  @Column({ name: 'settled_at', type: 'timestamptz', nullable: true })
  settledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
