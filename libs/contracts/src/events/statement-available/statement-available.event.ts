import { IsEnum } from 'class-validator';
import { defineEvent } from '../../event-definition.js';
import { Topics } from '../../topics.js';
import { IsCalendarDate, IsId } from '../../validation.js';
import { WorkCategory } from '../../values/enums.js';
import { MoneyDto } from '../../values/money.js';
import { Nested } from '../shared/nested.js';

/** A holder's statement of an approved batch, published to the holder's side. */
export class StatementAvailableV1 {
  @IsId()
  batchId: string;

  @IsId()
  holderId: string;

  /** The society whose batch it is. */
  @IsId()
  societyId: string;

  @IsEnum(WorkCategory)
  category: WorkCategory;

  /** [periodStart, periodEnd) */
  @IsCalendarDate()
  periodStart: string;

  @IsCalendarDate()
  periodEnd: string;

  @Nested(MoneyDto)
  totalPayable: MoneyDto;

  /** Money held for the holder (not a member of the society): paid once claimed. */
  @Nested(MoneyDto)
  totalHeld: MoneyDto;
}

export const StatementAvailable = defineEvent({
  type: 'distribution.statement.available',
  version: 1,
  topic: Topics.distributionBatch,
  payload: StatementAvailableV1,
});
