import { IsEnum, IsISO8601, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../../event-definition.js';
import { Topics } from '../../topics.js';
import { IsCalendarDate, IsId } from '../../validation.js';
import { WorkCategory } from '../../values/enums.js';
import { MoneyDto } from '../../values/money.js';
import { Nested } from '../shared/nested.js';

/**
 * A calculated batch approved: its money is paid as calculated. The fields after `approvedAt`
 * were added later (still version 1): events written before them lack them.
 */
export class BatchApprovedV1 {
  @IsUUID()
  batchId: string;

  @IsString()
  @Matches(/^[0-9a-f]{64}$/)
  checksum: string;

  @IsUUID()
  approvedBy: string;

  @IsISO8601({ strict: true })
  approvedAt: string;

  @IsOptional()
  @IsId()
  societyId?: string;

  @IsOptional()
  @IsEnum(WorkCategory)
  category?: WorkCategory;

  /** [periodStart, periodEnd) */
  @IsOptional()
  @IsCalendarDate()
  periodStart?: string;

  @IsOptional()
  @IsCalendarDate()
  periodEnd?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{3}$/)
  currency?: string;

  /** Payable and held money (as BatchCalculated's). */
  @IsOptional()
  @Nested(MoneyDto)
  allocatedTotal?: MoneyDto;

  @IsOptional()
  @Nested(MoneyDto)
  reservedTotal?: MoneyDto;
}

export const BatchApproved = defineEvent({
  type: 'distribution.batch.approved',
  version: 1,
  topic: Topics.distributionBatch,
  payload: BatchApprovedV1,
});
