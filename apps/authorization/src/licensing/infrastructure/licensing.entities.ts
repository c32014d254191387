import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { Decision, UseType, WorkCategory } from '#libs/contracts';
import { minorUnits } from '#libs/database';
import type { MatchMethod } from '#libs/matching';
import type { CheckedItem } from '../domain/use-request.js';

export enum LicenseStatus {
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
}

/** A platform's use request: its items and their decisions are kept as answered. */
@Entity({ name: 'use_requests' })
@Index('use_requests_platform', ['platformId', 'id'])
export class UseRequestEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'platform_id', type: 'uuid' })
  platformId: string;

  @Column({ name: 'item_count', type: 'integer' })
  itemCount: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity({ name: 'use_request_items' })
@Index('use_request_items_awaiting_opt_outs', ['useRequestId', 'index'], {
  where: '"awaiting_opt_outs" IS NOT NULL',
})
export class UseRequestItemEntity {
  @PrimaryColumn({ name: 'use_request_id', type: 'uuid' })
  useRequestId: string;

  @PrimaryColumn({ type: 'integer' })
  index: number;

  @Column({ type: 'text' })
  decision: Decision;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'work_id', type: 'uuid', nullable: true })
  workId: string | null;

  @Column({ name: 'license_id', type: 'uuid', nullable: true })
  licenseId: string | null;

  @Column({ name: 'contact_holder_ids', type: 'uuid', array: true })
  contactHolderIds: string[];

  @Column({ name: 'unidentified_reference', type: 'text', nullable: true })
  unidentifiedReference: string | null;

  /** How the work was identified (null when it was not). */
  @Column({ name: 'match_method', type: 'text', nullable: true })
  matchMethod: MatchMethod | null;

  @Column({ name: 'match_score', type: 'double precision', nullable: true })
  matchScore: number | null;

  /** Works a title was close to when none was certain, best first, as answered. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  candidates: MatchedCandidate[];

  /**
   * The item as asked, kept while it is PENDING because the opt-out view was behind: it is
   * decided again once the view is fresh, then this is cleared. Null for every other item.
   */
  @Column({ name: 'awaiting_opt_outs', type: 'jsonb', nullable: true })
  awaitingOptOuts: CheckedItem | null;

  /** When the current decision was made (the request's time, or a later re-decision's). */
  @Column({ name: 'decided_at', type: 'timestamptz', default: () => 'now()' })
  decidedAt: Date;

  /** The decision before a re-decision (PENDING); null when decided once. */
  @Column({ name: 'previous_decision', type: 'text', nullable: true })
  previousDecision: Decision | null;
}

/** A work a title was close to, and how close. */
export interface MatchedCandidate {
  workId: string;
  method: MatchMethod;
  score: number;
}

@Entity({ name: 'licenses' })
@Index('licenses_platform', ['platformId', 'id'])
@Index('licenses_active_work', ['workId'], { where: `"status" = 'ACTIVE'` })
@Index('licenses_platform_revoked', ['platformId', 'revokedAt', 'id'], {
  where: '"revoked_at" IS NOT NULL',
})
@Index('licenses_revoked', ['revokedAt', 'id'], { where: '"revoked_at" IS NOT NULL' })
export class LicenseEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'platform_id', type: 'uuid' })
  platformId: string;

  @Column({ name: 'use_request_id', type: 'uuid' })
  useRequestId: string;

  @Column({ name: 'item_index', type: 'integer' })
  itemIndex: number;

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

  @Column({ name: 'expected_quantity', type: 'integer' })
  expectedQuantity: number;

  @Column({ name: 'fee_minor', type: 'numeric', precision: 38, scale: 0, transformer: minorUnits })
  feeMinor: bigint;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'text' })
  status: LicenseStatus;

  @Column({ name: 'revoked_from', type: 'timestamptz', nullable: true })
  revokedFrom: Date | null;

  /** When the revocation was recorded; revokedFrom is when coverage ends. */
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_reason', type: 'text', nullable: true })
  revokedReason: string | null;

  @Column({ name: 'opt_out_id', type: 'uuid', nullable: true })
  optOutId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
