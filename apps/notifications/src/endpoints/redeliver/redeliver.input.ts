import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString } from 'class-validator';
import { IsId, IsInstant } from '#libs/contracts';

@InputType({ description: 'The deliveries to an endpoint made in [from, to), at most 7 days.' })
export class RedeliverWebhookMessagesInput {
  @Field(() => ID)
  @IsId()
  endpointId: string;

  @Field({ description: 'ISO 8601 instant, included.' })
  @IsString()
  @IsInstant()
  from: string;

  @Field({ description: 'ISO 8601 instant, excluded.' })
  @IsString()
  @IsInstant()
  to: string;
}
