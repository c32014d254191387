import { IsISO8601, IsUUID } from 'class-validator';
import { defineEvent } from '../../event-definition.js';
import { Topics } from '../../topics.js';

export class BatchClosedV1 {
  @IsUUID()
  batchId: string;

  @IsUUID()
  closedBy: string;

  @IsISO8601({ strict: true })
  closedAt: string;
}

export const BatchClosed = defineEvent({
  type: 'distribution.batch.closed',
  version: 1,
  topic: Topics.distributionBatch,
  payload: BatchClosedV1,
});
