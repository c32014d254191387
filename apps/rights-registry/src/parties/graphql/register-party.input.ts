import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsId, PartyKind } from '#libs/contracts';

@InputType()
export class RegisterPartyInput {
  @Field(() => String, {
    nullable: true,
    description: 'Makes a retry safe: the same key (per caller) returns the first result.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  idempotencyKey?: string | null;

  @Field(() => PartyKind)
  @IsEnum(PartyKind)
  kind: PartyKind;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  name: string;

  @Field(() => String, {
    nullable: true,
    description: 'IPI name number; check digits are verified.',
  })
  @IsOptional()
  @IsString()
  ipiNameNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  country?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'A right holder joining this society from today.',
  })
  @IsOptional()
  @IsId()
  memberOfSocietyId?: string | null;
}
