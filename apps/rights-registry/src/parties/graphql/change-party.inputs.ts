import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

@InputType()
export class ChangeMembershipInput {
  @Field(() => ID)
  @IsUUID()
  partyId: string;

  @Field(() => ID)
  @IsUUID()
  societyId: string;

  @Field({ description: 'YYYY-MM-DD; the period starting that day is created or changed.' })
  @Matches(DATE, { message: 'memberFrom must be a date YYYY-MM-DD' })
  memberFrom: string;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD (exclusive); null while it lasts.',
  })
  @IsOptional()
  @Matches(DATE, { message: 'memberTo must be a date YYYY-MM-DD' })
  memberTo?: string | null;
}

@InputType()
export class UpdatePartyInput {
  @Field(() => ID)
  @IsUUID()
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
