import { IsArray, IsEnum, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { defineEvent } from '../../event-definition.js';
import { Topics } from '../../topics.js';
import { OptOutScope, UseType } from '../../values/enums.js';

export class OptOutRegisteredV1 {
  @IsUUID()
  optOutId: string;

  @IsUUID()
  holderId: string;

  @IsEnum(OptOutScope)
  scope: OptOutScope;

  /** The work, for scope WORK; null for ALL_WORKS. */
  @IsOptional()
  @IsUUID()
  workId: string | null;

  /** Use types opted out of; empty means all. */
  @IsArray()
  @IsEnum(UseType, { each: true })
  useTypes: UseType[];

  @IsISO8601({ strict: true })
  effectiveFrom: string;
}

export const OptOutRegistered = defineEvent({
  type: 'optout.registered',
  version: 1,
  topic: Topics.optOut,
  payload: OptOutRegisteredV1,
});
