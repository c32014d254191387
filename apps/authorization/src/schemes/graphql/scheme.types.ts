import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsId, RightType, UseType, WorkCategory } from '#libs/contracts';
import { Money, Party } from '#libs/runtime';

@ObjectType()
export class UseTypeWeight {
  @Field(() => UseType)
  useType: UseType;

  @Field(() => Int, { description: 'Distribution points per unit of use.' })
  weight: number;
}

@ObjectType({ description: "A society's extended collective licensing scheme for a category." })
export class EclScheme {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'Raised by every change.' })
  revision: number;

  @Field(() => Party)
  society: Party;

  @Field(() => WorkCategory)
  category: WorkCategory;

  @Field(() => [UseType])
  useTypes: UseType[];

  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes, or WORLD.' })
  territories: string[];

  @Field(() => RightType, { description: 'The right whose shares the money follows.' })
  rightType: RightType;

  @Field(() => Money, { description: 'Tariff per unit of expected use.' })
  unitRate: Money;

  @Field()
  coversUnidentified: boolean;

  @Field(() => [UseTypeWeight])
  weights: UseTypeWeight[];

  @Field()
  active: boolean;
}

@InputType()
export class UseTypeWeightInput {
  @Field(() => UseType)
  @IsEnum(UseType)
  useType: UseType;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  weight: number;
}

@InputType({ isAbstract: true })
abstract class SchemeTermsInput {
  @Field(() => [UseType])
  @IsArray()
  @ArrayMaxSize(Object.values(UseType).length)
  @IsEnum(UseType, { each: true })
  useTypes: UseType[];

  @Field(() => [String])
  @IsArray()
  @ArrayMaxSize(300)
  @IsString({ each: true })
  territories: string[];

  @Field({ description: 'Integer minor units per unit of expected use, e.g. "3".' })
  @Matches(/^(0|[1-9]\d{0,17})$/, {
    message: 'unitRateMinor must be a whole number of minor units',
  })
  unitRateMinor: string;

  @Field()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code' })
  currency: string;

  @Field()
  @IsBoolean()
  coversUnidentified: boolean;

  @Field(() => [UseTypeWeightInput], { nullable: true, description: 'Missing weights are 1.' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => UseTypeWeightInput)
  weights?: UseTypeWeightInput[] | null;
}

@InputType()
export class CreateEclSchemeInput extends SchemeTermsInput {
  @Field(() => ID)
  @IsId()
  societyId: string;

  @Field(() => WorkCategory)
  @IsEnum(WorkCategory)
  category: WorkCategory;

  @Field(() => RightType)
  @IsEnum(RightType)
  rightType: RightType;
}

@InputType()
export class UpdateEclSchemeInput extends SchemeTermsInput {
  @Field(() => ID)
  @IsId()
  schemeId: string;

  @Field({ description: 'False retires the scheme: no new licenses under it.' })
  @IsBoolean()
  active: boolean;
}
