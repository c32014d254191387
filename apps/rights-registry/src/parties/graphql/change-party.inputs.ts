import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDate, IsId } from '#libs/contracts';

@InputType()
export class ChangeMembershipInput {
  @Field(() => ID)
  @IsId()
  partyId: string;

  @Field(() => ID)
  @IsId()
  societyId: string;

  @Field({ description: 'YYYY-MM-DD; the period starting that day is created or changed.' })
  @IsCalendarDate()
  memberFrom: string;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD (exclusive); null while it lasts.',
  })
  @IsOptional()
  @IsCalendarDate()
  memberTo?: string | null;
}

@InputType()
export class UpdatePartyInput {
  @Field(() => ID)
  @IsId()
  partyId: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  ipiNameNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  country?: string | null;
}
