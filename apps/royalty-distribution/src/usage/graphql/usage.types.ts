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
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsId, UseType } from '#libs/contracts';
import { IdentifierInput } from '#libs/runtime';
import {
  MAX_GRAPHQL_LINES,
  TOO_MANY_GRAPHQL_LINES,
  type UsageReportStatus,
} from '../domain/usage-intake.js';

@ObjectType()
export class UsageLineError {
  @Field(() => Int, {
    description:
      "The line's number: in a CSV file its line (the header is line 1); in submitUsageReport its place in `lines`, from 1.",
  })
  line: number;

  @Field()
  reason: string;
}

@ObjectType({ description: 'A usage report, stored whole: accepted lines and rejected ones.' })
export class UsageReport {
  @Field(() => ID)
  id: string;

  @Field(() => String, {
    description:
      'ACCEPTED: stored, with at least one accepted line (rejected lines are listed in errors); REJECTED: stored, but every line was rejected.',
  })
  status: UsageReportStatus;

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
  title?: string | null;

  @Field(() => UseType)
  @IsEnum(UseType)
  useType: UseType;

  @Field()
  @IsString()
  territory: string;

  @Field(() => Int, {
    description: 'A whole number from 1; any other rejects the line alone, with its reason.',
  })
  @IsInt()
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

  @Field(() => [SubmitUsageReportLineInput], {
    description: `At most ${MAX_GRAPHQL_LINES.toLocaleString('en')} lines; each is checked by itself (errors name it by its place, from 1).`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_GRAPHQL_LINES, { message: TOO_MANY_GRAPHQL_LINES })
  @ValidateNested({ each: true })
  @Type(() => SubmitUsageReportLineInput)
  lines: SubmitUsageReportLineInput[];
}
