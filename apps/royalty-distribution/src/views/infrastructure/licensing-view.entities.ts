import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Decision, RightType, UseType, WorkCategory } from '#libs/contracts';
import { minorUnits } from '#libs/database';

/** A license as license.granted / license.revoked describe it. */
@Entity({ name: 'licenses' })
export class LicenseRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'platform_id', type: 'uuid' })
  platformId: string;

  @Column({ name: 'work_id', type: 'uuid', nullable: true })
  workId: string | null;

  @Column({ name: 'unidentified_reference', type: 'text', nullable: true })
  unidentifiedReference: string | null;

  @Column({ type: 'text' })
  decision: Decision;

  @Column({ name: 'scheme_id', type: 'uuid' })
  schemeId: string;

  @Column({ name: 'society_id', type: 'uuid' })
  societyId: string;

  @Column({ type: 'text' })
  category: WorkCategory;

  @Column({ name: 'use_type', type: 'text' })
  useType: UseType;

  @Column({ type: 'text' })
  territory: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date' })
  validTo: string;

  @Column({ name: 'fee_minor', type: 'numeric', precision: 38, scale: 0, transformer: minorUnits })
  feeMinor: bigint;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'revoked_from', type: 'timestamptz', nullable: true })
  revokedFrom: Date | null;
}

/** An ECL scheme as scheme.defined describes it (latest revision). */
@Entity({ name: 'schemes' })
export class SchemeRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ name: 'society_id', type: 'uuid' })
  societyId: string;

  @Column({ type: 'text' })
  category: WorkCategory;

  @Column({ name: 'right_type', type: 'text' })
  rightType: RightType;

  @Column({ type: 'char', length: 3 })
  currency: string;

  /** Points per unit of use, by use type. */
  @Column({ type: 'jsonb' })
  weights: { useType: UseType; weight: number }[];
}
