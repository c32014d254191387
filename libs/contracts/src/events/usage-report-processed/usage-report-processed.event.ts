import { IsIn, IsInt, IsISO8601, IsString, Matches, Min } from 'class-validator';
import { defineEvent } from '../../event-definition.js';
import { Topics } from '../../topics.js';
import { IsCalendarDate, IsId } from '../../validation.js';

/**
 * A platform's usage report, processed and stored whole: how many lines were accepted and
 * rejected, and where the platform reads the rejected ones.
 */
export class UsageReportProcessedV1 {
  @IsId()
  reportId: string;

  @IsId()
  platformId: string;

  /** ACCEPTED: at least one line accepted; REJECTED: every line rejected. */
  @IsIn(['ACCEPTED', 'REJECTED'])
  status: 'ACCEPTED' | 'REJECTED';

  /** [periodStart, periodEnd) */
  @IsCalendarDate()
  periodStart: string;

  @IsCalendarDate()
  periodEnd: string;

  @IsInt()
  @Min(0)
  linesAccepted: number;

  @IsInt()
  @Min(0)
  linesRejected: number;

  @IsISO8601({ strict: true })
  processedAt: string;

  /** A path of the public API (from its root) with the rejected lines as CSV. */
  @IsString()
  @Matches(/^\/v1\//)
  rejectedLinesPath: string;
}

export const UsageReportProcessed = defineEvent({
  type: 'distribution.usage-report.processed',
  version: 1,
  topic: Topics.distributionUsageReport,
  payload: UsageReportProcessedV1,
});
