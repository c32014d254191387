import { IsISO8601, IsUUID } from 'class-validator';
import { defineEvent } from '../../event-definition.js';
import { Topics } from '../../topics.js';
import { MoneyDto } from '../../values/money.js';
import { Nested } from '../shared/nested.js';

/** A claim on reserved money approved and paid to the holder. */
export class ClaimSettledV1 {
  @IsUUID()
  claimId: string;

  @IsUUID()
  reserveId: string;

  @IsUUID()
  holderId: string;

  @Nested(MoneyDto)
  amount: MoneyDto;

  @IsISO8601({ strict: true })
  settledAt: string;
}

export const ClaimSettled = defineEvent({
  type: 'distribution.claim.settled',
  version: 1,
  topic: Topics.distributionBatch,
  payload: ClaimSettledV1,
});
