import { IsISO8601, IsString, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../../event-definition.js';
import { Topics } from '../../topics.js';

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
}

export const BatchApproved = defineEvent({
  type: 'distribution.batch.approved',
  version: 1,
  topic: Topics.distributionBatch,
  payload: BatchApprovedV1,
});
