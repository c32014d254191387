import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { UseType, WorkCategory } from '#libs/contracts';
import { MatchMethod } from '#libs/matching';

/** A platform's usage report: committed whole, with its accepted and rejected lines. */
@Entity({ name: 'usage_reports' })
@Index('usage_reports_platform', ['platformId', 'id'])
export class UsageReportEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'platform_id', type: 'uuid' })
  platformId: string;

  @Column({ name: 'period_start', type: 'date' })
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd: string;

  @Column({ type: 'text' })
  source: 'graphql' | 'csv';

  @Column({ name: 'lines_accepted', type: 'integer' })
  linesAccepted: number;

  @Column({ name: 'lines_rejected', type: 'integer' })
  linesRejected: number;

  @Column({ name: 'lines_unidentified', type: 'integer' })
  linesUnidentified: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** An accepted usage line, licensed, with its work (or the reference to match it later). */
@Entity({ name: 'usage_lines' })
@Index('usage_lines_batching', ['societyId', 'category', 'usageDate'])
@Index('usage_lines_unmatched_identifier', ['identifierKey'], { where: '"work_id" IS NULL' })
@Index('usage_lines_unmatched_title_compact', ['titleCompact'], { where: '"work_id" IS NULL' })
@Index('usage_lines_unmatched_title_reading', ['titleReading'], { where: '"work_id" IS NULL' })
// The title of an unidentified work's reserve, from the lines that named it.
@Index('usage_lines_unidentified_reference', ['unidentifiedReference'], {
  where: '"unidentified_reference" IS NOT NULL',
})
export class UsageLineEntity {
  @PrimaryColumn({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @PrimaryColumn({ type: 'integer' })
  line: number;

  @Column({ name: 'license_id', type: 'uuid' })
  licenseId: string;

  @Column({ name: 'society_id', type: 'uuid' })
  societyId: string;

  @Column({ name: 'scheme_id', type: 'uuid' })
  schemeId: string;

  @Column({ type: 'text' })
  category: WorkCategory;

  @Column({ name: 'work_id', type: 'uuid', nullable: true })
  workId: string | null;

  @Column({ name: 'unidentified_reference', type: 'text', nullable: true })
  unidentifiedReference: string | null;

  /** `SCHEME:VALUE` of the identifier the line (or its license) names, for matching later. */
  @Column({ name: 'identifier_key', type: 'text', nullable: true })
  identifierKey: string | null;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  /**
   * The match keys (compact form, reading) of the title a line left unidentified named, so
   * that a work registered later finds it (application/rematch.ts).
   */
  @Column({ name: 'title_compact', type: 'text', nullable: true })
  titleCompact: string | null;

  @Column({ name: 'title_reading', type: 'text', nullable: true })
  titleReading: string | null;

  /** How the line's work was found (a MatchMethod); null while unidentified. */
  @Column({ name: 'match_method', type: 'text', nullable: true })
  matchMethod: MatchMethod | null;

  /** The match's score (0..1); null while unidentified. */
  @Column({ name: 'match_score', type: 'real', nullable: true })
  matchScore: number | null;

  @Column({ name: 'use_type', type: 'text' })
  useType: UseType;

  @Column({ type: 'text' })
  territory: string;

  @Column({ type: 'bigint' })
  quantity: string;

  @Column({ name: 'usage_date', type: 'date' })
  usageDate: string;

  /** The approved batch that paid it; a line is paid once. */
  @Column({ name: 'batch_id', type: 'uuid', nullable: true })
  batchId: string | null;
}

@Entity({ name: 'usage_rejections' })
export class UsageRejectionEntity {
  @PrimaryColumn({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @PrimaryColumn({ type: 'integer' })
  line: number;

  @Column({ type: 'text' })
  reason: string;
}
