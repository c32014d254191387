import { IsArray, IsISO8601, IsUUID } from 'class-validator';
import { defineEvent } from '../../event-definition.js';
import { Topics } from '../../topics.js';
import { NestedArray, ShareDto } from '../shared/nested.js';

/** The complete set of shares in force from `effectiveFrom` (replacing the previous set). */
export class WorkSharesChangedV1 {
  @IsUUID()
  workId: string;

  @IsISO8601({ strict: true })
  effectiveFrom: string;

  @IsArray()
  @NestedArray(ShareDto)
  shares: ShareDto[];

  @IsUUID()
  changedBy: string;
}

export const WorkSharesChanged = defineEvent({
  type: 'registry.work.shares-changed',
  version: 1,
  topic: Topics.registryWork,
  payload: WorkSharesChangedV1,
});
