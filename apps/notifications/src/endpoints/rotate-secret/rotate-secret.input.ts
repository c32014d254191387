import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsId } from '#libs/contracts';

@InputType()
export class RotateWebhookSecretInput {
  @Field(() => ID)
  @IsId()
  id: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'Hours the current secret keeps signing beside the new one (default: the configured overlap; at most 720).',
  })
  @IsOptional()
  @IsInt()
  overlapHours?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The same key again answers the same new secret, without a second rotation.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  idempotencyKey?: string | null;
}
