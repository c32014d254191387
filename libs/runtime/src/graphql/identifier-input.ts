import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsString, MaxLength } from 'class-validator';
import { IdentifierScheme } from '#libs/contracts';

/** A work identifier as a client writes it; every subgraph that takes one uses this type. */
@InputType()
export class IdentifierInput {
  @Field(() => IdentifierScheme)
  @IsEnum(IdentifierScheme)
  scheme: IdentifierScheme;

  @Field({ description: 'In any usual written form, e.g. T-034.524.680-1.' })
  @IsString()
  @MaxLength(200)
  value: string;
}
