import { IsISO8601, IsString, IsUUID, MinLength } from 'class-validator';
import { defineEvent } from '../../event-definition.js';
import { Topics } from '../../topics.js';
import { MoneyDto } from '../../values/money.js';
import { Nested } from '../shared/nested.js';

/** Reserved money whose claim period ended, released by rule. */
export class ReserveReleasedV1 {
  @IsUUID()
  reserveId: string;

  @IsUUID()
  batchId: string;

  @Nested(MoneyDto)
  amount: MoneyDto;

  @IsString()
  @MinLength(1)
  rule: string;

  @IsISO8601({ strict: true })
  releasedAt: string;
}

export const ReserveReleased = defineEvent({
  type: 'distribution.reserve.released',
  version: 1,
  topic: Topics.distributionBatch,
  payload: ReserveReleasedV1,
});
