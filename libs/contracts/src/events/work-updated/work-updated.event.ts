import { IsArray, IsString, IsUUID, MinLength } from 'class-validator';
import { defineEvent } from '../../event-definition.js';
import { Topics } from '../../topics.js';
import { IdentifierDto, NestedArray } from '../shared/nested.js';

export class WorkUpdatedV1 {
  @IsUUID()
  workId: string;

  @IsString()
  @MinLength(1)
  title: string;

  @IsArray()
  @IsString({ each: true })
  alternativeTitles: string[];

  @IsArray()
  @IsString({ each: true })
  creatorNames: string[];

  @IsArray()
  @NestedArray(IdentifierDto)
  identifiers: IdentifierDto[];
}

export const WorkUpdated = defineEvent({
  type: 'registry.work.updated',
  version: 1,
  topic: Topics.registryWork,
  payload: WorkUpdatedV1,
});
