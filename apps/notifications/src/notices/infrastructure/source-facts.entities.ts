import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What a license was granted for (from `authorization.license.granted`), so a revocation
 * published without these fields still tells the platform what it loses.
 */
@Entity({ name: 'notice_licenses' })
export class NoticeLicenseEntity {
  @PrimaryColumn({ name: 'license_id', type: 'uuid' })
  licenseId: string;

  @Column({ name: 'platform_id', type: 'uuid' })
  platformId: string;

  @Column({ name: 'work_id', type: 'uuid', nullable: true })
  workId: string | null;

  @Column({ name: 'use_type', type: 'text' })
  useType: string;

  @Column({ type: 'text' })
  territory: string;

  /** [validFrom, validTo), calendar days. */
  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date' })
  validTo: string;
}

/** Who registered an opt-out and from when it counts (from `optout.registered`). */
@Entity({ name: 'notice_opt_outs' })
export class NoticeOptOutEntity {
  @PrimaryColumn({ name: 'opt_out_id', type: 'uuid' })
  optOutId: string;

  @Column({ name: 'holder_id', type: 'uuid' })
  holderId: string;

  @Column({ name: 'effective_from', type: 'timestamptz' })
  effectiveFrom: Date;
}

/** The society of a batch (from `distribution.batch.calculated`), for its approval. */
@Entity({ name: 'notice_batches' })
export class NoticeBatchEntity {
  @PrimaryColumn({ name: 'batch_id', type: 'uuid' })
  batchId: string;

  @Column({ name: 'society_id', type: 'uuid' })
  societyId: string;
}
