import { IsEnum, IsInt, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { defineEvent } from '../../event-definition.js';
import { Topics } from '../../topics.js';
import { IsCalendarDate } from '../../validation.js';
import { WorkCategory } from '../../values/enums.js';
import { MoneyDto } from '../../values/money.js';
import { Nested } from '../shared/nested.js';

export class BatchCalculatedV1 {
  @IsUUID()
  batchId: string;

  @IsUUID()
  societyId: string;

  @IsEnum(WorkCategory)
  category: WorkCategory;

  /** [periodStart, periodEnd) */
  @IsCalendarDate()
  periodStart: string;

  @IsCalendarDate()
  periodEnd: string;

  @Nested(MoneyDto)
  pool: MoneyDto;

  @IsInt()
  @Min(0)
  @Max(10_000)
  adminFeeBps: number;

  @Nested(MoneyDto)
  adminFee: MoneyDto;

  @Nested(MoneyDto)
  allocatedTotal: MoneyDto;

  @Nested(MoneyDto)
  reservedTotal: MoneyDto;

  @IsString()
  @Matches(/^[0-9a-f]{64}$/)
  checksum: string;
}

export const BatchCalculated = defineEvent({
  type: 'distribution.batch.calculated',
  version: 1,
  topic: Topics.distributionBatch,
  payload: BatchCalculatedV1,
});
