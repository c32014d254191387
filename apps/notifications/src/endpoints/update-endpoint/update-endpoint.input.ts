import { Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsId } from '#libs/contracts';
import { MAX_DESCRIPTION_LENGTH, MAX_URL_LENGTH } from '../domain/endpoint-rules.js';
import { WEBHOOK_EVENT_TYPES } from '../domain/event-types.js';

@InputType({ description: 'What changes of an endpoint; what is omitted stays.' })
export class UpdateWebhookEndpointInput {
  @Field(() => ID)
  @IsId()
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_URL_LENGTH)
  url?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_DESCRIPTION_LENGTH)
  description?: string | null;

  @Field(() => [String], { nullable: true, description: 'Empty: every type it may receive.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Object.keys(WEBHOOK_EVENT_TYPES).length)
  @IsString({ each: true })
  eventTypes?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Turning on an endpoint disabled for failing clears its failure streak.',
  })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean | null;
}
