import { IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { defineEvent } from '../../event-definition.js';
import { Topics } from '../../topics.js';
import { IsId } from '../../validation.js';
import { MoneyDto } from '../../values/money.js';
import { Nested } from '../shared/nested.js';

/**
 * A claim on reserved money approved and paid to the holder. The fields after `settledAt` were
 * added later (still version 1): events written before them lack them.
 */
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

  /** The society whose reserve paid the claim (the society of the reserve's batch). */
  @IsOptional()
  @IsId()
  societyId?: string;

  /** The batch whose reserve paid the claim. */
  @IsOptional()
  @IsId()
  batchId?: string;

  /**
   * A society the claimant is a member of when the claim is settled (the first by id if
   * several); null when it is a member of none.
   */
  @IsOptional()
  @IsId()
  claimantSocietyId?: string | null;
}

export const ClaimSettled = defineEvent({
  type: 'distribution.claim.settled',
  version: 1,
  topic: Topics.distributionBatch,
  payload: ClaimSettledV1,
});
