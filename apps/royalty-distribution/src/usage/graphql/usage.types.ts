import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsId, UseType } from '#libs/contracts';
import { IdentifierInput } from '#libs/runtime';

/** Lines a GraphQL report may hold; larger reports go through POST /v1/usage-reports. */
export const MAX_GRAPHQL_LINES = 10_000;

@ObjectType()
export class UsageLineError {
  @Field(() => Int, { description: 'Line of the report (the header is line 1).' })
  line: number;

  @Field()
  reason: string;
}

@ObjectType({ description: 'A usage report, stored whole: accepted lines and rejected ones.' })
export class UsageReport {
  @Field(() => ID)
  id: string;

  @Field({ description: 'ACCEPTED: stored (rejected lines are listed in errors).' })
  status: string;

  @Field()
  periodStart: string;

  @Field()
  periodEnd: string;

  @Field(() => Int)
  linesAccepted: number;

  @Field(() => Int)
  linesRejected: number;

  @Field(() => Int, { description: 'Accepted lines whose work is not identified yet.' })
  linesUnidentified: number;

  @Field(() => [UsageLineError], { description: 'Rejected lines (the first 1000).' })
  errors: UsageLineError[];

  @Field()
  createdAt: Date;
}

@InputType()
export class SubmitUsageReportLineInput {
  @Field(() => ID)
  @IsString()
  licenseId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  workId?: string | null;

  @Field(() => IdentifierInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => IdentifierInput)
  identifier?: IdentifierInput | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  title?: string | null;

  @Field(() => UseType)
  @IsEnum(UseType)
  useType: UseType;

  @Field()
  @IsString()
  territory: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  quantity: number;

  @Field()
  @IsString()
  usageDate: string;
}

@InputType()
export class SubmitUsageReportInput {
  @Field({
    description: 'A repeat with this key returns the first report; nothing is counted twice.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  idempotencyKey: string;

  @Field()
  @IsCalendarDate()
  periodStart: string;

  @Field({ description: 'Day after the last (the period is [periodStart, periodEnd)).' })
  @IsCalendarDate()
  periodEnd: string;

  @Field(() => [SubmitUsageReportLineInput])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_GRAPHQL_LINES)
  @ValidateNested({ each: true })
  @Type(() => SubmitUsageReportLineInput)
  lines: SubmitUsageReportLineInput[];
}
