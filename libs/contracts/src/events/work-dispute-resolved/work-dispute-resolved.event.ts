import { IsISO8601, IsString, IsUUID, MinLength } from 'class-validator';
import { defineEvent } from '../../event-definition.js';
import { Topics } from '../../topics.js';

export class WorkDisputeResolvedV1 {
  @IsUUID()
  workId: string;

  @IsUUID()
  disputeId: string;

  @IsString()
  @MinLength(1)
  resolution: string;

  @IsUUID()
  resolvedBy: string;

  @IsISO8601({ strict: true })
  resolvedAt: string;
}

export const WorkDisputeResolved = defineEvent({
  type: 'registry.work.dispute-resolved',
  version: 1,
  topic: Topics.registryWork,
  payload: WorkDisputeResolvedV1,
});
