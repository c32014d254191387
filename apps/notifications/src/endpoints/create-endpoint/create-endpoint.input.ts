import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsId } from '#libs/contracts';
import { MAX_DESCRIPTION_LENGTH, MAX_URL_LENGTH } from '../domain/endpoint-rules.js';
import { WEBHOOK_EVENT_TYPES } from '../domain/event-types.js';

@InputType()
export class CreateWebhookEndpointInput {
  @Field({ description: 'https URL the events are POSTed to.' })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_URL_LENGTH)
  url: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_DESCRIPTION_LENGTH)
  description?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Event types wanted (webhookEventTypes); empty or omitted: every one.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Object.keys(WEBHOOK_EVENT_TYPES).length)
  @IsString({ each: true })
  eventTypes?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The platform or society it is for: the operator names it; others, their own.',
  })
  @IsOptional()
  @IsId()
  ownerId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The same key again answers the same endpoint and secret, without a second one.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  idempotencyKey?: string | null;
}
