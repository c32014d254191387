import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { WorkCategory } from '#libs/contracts';
import { minorUnits } from '#libs/database';

export enum BatchStatus {
  DRAFT = 'DRAFT',
  CALCULATED = 'CALCULATED',
  APPROVED = 'APPROVED',
  CLOSED = 'CLOSED',
  /** Cancelled before approval: pays nothing; its period is free for another batch. */
  CANCELLED = 'CANCELLED',
}

export enum CalculationState {
  IDLE = 'IDLE',
  RUNNING = 'RUNNING',
  FAILED = 'FAILED',
}

/** What became of a cell's money. */
export enum AllocationStatus {
  PAYABLE = 'PAYABLE',
  HELD = 'HELD',
  RESERVED = 'RESERVED',
}

@Entity({ name: 'distribution_batches' })
@Index('distribution_batches_society', ['societyId', 'category'])
export class BatchEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'society_id', type: 'uuid' })
  societyId: string;

  @Column({ type: 'text' })
  category: WorkCategory;

  @Column({ name: 'period_start', type: 'date' })
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'admin_fee_bps', type: 'integer' })
  adminFeeBps: number;

  /** Given at creation, or (null) the ECL license fees of the period, fixed when calculated. */
  @Column({
    name: 'pool_given_minor',
    type: 'numeric',
    precision: 38,
    scale: 0,
    nullable: true,
    transformer: minorUnits,
  })
  poolGivenMinor: bigint | null;

  @Column({
    name: 'pool_minor',
    type: 'numeric',
    precision: 38,
    scale: 0,
    nullable: true,
    transformer: minorUnits,
  })
  poolMinor: bigint | null;

  @Column({
    name: 'admin_fee_minor',
    type: 'numeric',
    precision: 38,
    scale: 0,
    nullable: true,
    transformer: minorUnits,
  })
  adminFeeMinor: bigint | null;

  @Column({
    name: 'payable_minor',
    type: 'numeric',
    precision: 38,
    scale: 0,
    nullable: true,
    transformer: minorUnits,
  })
  payableMinor: bigint | null;

  @Column({
    name: 'held_minor',
    type: 'numeric',
    precision: 38,
    scale: 0,
    nullable: true,
    transformer: minorUnits,
  })
  heldMinor: bigint | null;

  @Column({
    name: 'reserved_minor',
    type: 'numeric',
    precision: 38,
    scale: 0,
    nullable: true,
    transformer: minorUnits,
  })
  reservedMinor: bigint | null;

  @Column({ name: 'exception_lines', type: 'integer', nullable: true })
  exceptionLines: number | null;

  @Column({ type: 'text', nullable: true })
  checksum: string | null;

  @Column({ type: 'text' })
  status: BatchStatus;

  @Column({ name: 'calculation_state', type: 'text' })
  calculationState: CalculationState;

  @Column({ name: 'calculation_phase', type: 'text', nullable: true })
  calculationPhase: string | null;

  @Column({ name: 'calculation_error', type: 'text', nullable: true })
  calculationError: string | null;

  @Column({ name: 'calculation_started_at', type: 'timestamptz', nullable: true })
  calculationStartedAt: Date | null;

  @Column({ name: 'calculated_at', type: 'timestamptz', nullable: true })
  calculatedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ name: 'closed_by', type: 'uuid', nullable: true })
  closedBy: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Usage reports a batch counted (their lines in its period, category and society). */
@Entity({ name: 'batch_reports' })
export class BatchReportEntity {
  @PrimaryColumn({ name: 'batch_id', type: 'uuid' })
  batchId: string;

  @PrimaryColumn({ name: 'report_id', type: 'uuid' })
  reportId: string;
}

/** A cell's points per use type (statements split the cell's money by them). */
@Entity({ name: 'batch_cell_uses' })
export class BatchCellUseEntity {
  @PrimaryColumn({ name: 'batch_id', type: 'uuid' })
  batchId: string;

  @PrimaryColumn({ name: 'work_key', type: 'text' })
  workKey: string;

  @PrimaryColumn({ name: 'holder_key', type: 'text' })
  holderKey: string;

  @PrimaryColumn({ name: 'use_type', type: 'text' })
  useType: string;

  @Column({ type: 'numeric', precision: 60, scale: 0, transformer: minorUnits })
  points: bigint;
}

/** A cell (work or unidentified reference, holder key) and its allocation. */
@Entity({ name: 'batch_cells' })
@Index('batch_cells_holder', ['batchId', 'holderKey'])
// A holder's statements across batches.
@Index('batch_cells_by_holder', ['holderKey', 'batchId'])
export class BatchCellEntity {
  @PrimaryColumn({ name: 'batch_id', type: 'uuid' })
  batchId: string;

  @PrimaryColumn({ name: 'work_key', type: 'text' })
  workKey: string;

  @PrimaryColumn({ name: 'holder_key', type: 'text' })
  holderKey: string;

  @Column({ type: 'numeric', precision: 60, scale: 0, transformer: minorUnits })
  points: bigint;

  @Column({ type: 'numeric', precision: 38, scale: 0, nullable: true, transformer: minorUnits })
  amount: bigint | null;

  @Column({ type: 'text', nullable: true })
  status: AllocationStatus | null;

  /** Why reserved or held: UNCLAIMED, UNIDENTIFIED, DISPUTED, NON_MEMBER. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;
}

/** Usage lines a batch did not pay, and why (a work opted out on the usage date). */
@Entity({ name: 'batch_exceptions' })
export class BatchExceptionEntity {
  @PrimaryColumn({ name: 'batch_id', type: 'uuid' })
  batchId: string;

  @PrimaryColumn({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @PrimaryColumn({ type: 'integer' })
  line: number;

  @Column({ name: 'work_id', type: 'uuid', nullable: true })
  workId: string | null;

  @Column({ type: 'text' })
  reason: string;
}
