import {
  IsArray,
  IsEnum,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MinLength,
} from 'class-validator';
import { defineEvent } from '../../event-definition.js';
import { Topics } from '../../topics.js';
import { WorkCategory } from '../../values/enums.js';
import { IdentifierDto, NestedArray, ShareDto } from '../shared/nested.js';

export class WorkRegisteredV1 {
  @IsUUID()
  workId: string;

  @IsString()
  @MinLength(1)
  title: string;

  /** Other titles the work is known by (absent in events written before they were carried). */
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  alternativeTitles?: string[];

  @IsEnum(WorkCategory)
  category: WorkCategory;

  @IsArray()
  @IsString({ each: true })
  creatorNames: string[];

  @IsArray()
  @NestedArray(IdentifierDto)
  identifiers: IdentifierDto[];

  @IsArray()
  @NestedArray(ShareDto)
  shares: ShareDto[];

  /** Instant from which the shares apply. */
  @IsISO8601({ strict: true })
  sharesEffectiveFrom: string;

  @IsUUID()
  registeredBy: string;
}

export const WorkRegistered = defineEvent({
  type: 'registry.work.registered',
  version: 1,
  topic: Topics.registryWork,
  payload: WorkRegisteredV1,
});
