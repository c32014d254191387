import { IsArray, IsISO8601, IsString, IsUUID, MinLength } from 'class-validator';
import { defineEvent } from '../../event-definition.js';
import { Topics } from '../../topics.js';

export class WorkDisputeOpenedV1 {
  @IsUUID()
  workId: string;

  @IsUUID()
  disputeId: string;

  @IsString()
  @MinLength(1)
  reason: string;

  /** Parties whose claims conflict. */
  @IsArray()
  @IsUUID('all', { each: true })
  partyIds: string[];

  @IsISO8601({ strict: true })
  openedAt: string;
}

export const WorkDisputeOpened = defineEvent({
  type: 'registry.work.dispute-opened',
  version: 1,
  topic: Topics.registryWork,
  payload: WorkDisputeOpenedV1,
});
