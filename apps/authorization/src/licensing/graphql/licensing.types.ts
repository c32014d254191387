import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
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
import { Decision, IsCalendarDate, IsId, IsInstant, UseType, WorkCategory } from '#libs/contracts';
import { MatchMethod } from '#libs/matching';
import { IdentifierInput, Money, PageInfo, Party, Work } from '#libs/runtime';
import { MAX_ITEMS } from '../domain/use-request.js';
import { LicenseStatus } from '../infrastructure/licensing.entities.js';

registerEnumType(LicenseStatus, { name: 'LicenseStatus' });
@ObjectType({ description: 'How an item’s work was identified.' })
export class ItemMatch {
  @Field(() => MatchMethod)
  method: MatchMethod;

  @Field(() => Float, { description: 'From 0 to 1; 1 for an identifier.' })
  score: number;
}

@ObjectType({ description: 'A registered work a title is close to.' })
export class MatchCandidate {
  @Field(() => Work)
  work: Work;

  @Field(() => MatchMethod)
  method: MatchMethod;

  @Field(() => Float, { description: 'From 0 to 1.' })
  score: number;
}

@ObjectType({ description: 'Permission to use a work (or an unidentified one) under ECL.' })
export class License {
  @Field(() => ID)
  id: string;

  @Field(() => Work, { nullable: true, description: 'Null for an unidentified work.' })
  work: Work | null;

  @Field(() => String, {
    nullable: true,
    description: 'How an unidentified work is matched later.',
  })
  unidentifiedReference: string | null;

  @Field(() => Decision)
  decision: Decision;

  @Field(() => WorkCategory)
  category: WorkCategory;

  @Field(() => UseType)
  useType: UseType;

  @Field()
  territory: string;

  @Field({ description: 'First day covered (YYYY-MM-DD).' })
  validFrom: string;

  @Field({
    description: 'Day after the last covered (YYYY-MM-DD): the period is [validFrom, validTo).',
  })
  validTo: string;

  @Field(() => Int)
  expectedQuantity: number;

  @Field(() => Money)
  fee: Money;

  @Field(() => LicenseStatus)
  status: LicenseStatus;

  @Field(() => Date, {
    nullable: true,
    description: 'From this instant the license no longer covers use.',
  })
  revokedFrom: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the revocation happened (recorded), as distinct from revokedFrom, when coverage ends.',
  })
  revokedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was revoked.' })
  revokedReason: string | null;

  @Field(() => Party)
  platform: Party;

  @Field(() => Party, { description: 'The society whose scheme grants it.' })
  society: Party;

  @Field(() => ID)
  useRequestId: string;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class UseRequestItem {
  @Field(() => Int)
  index: number;

  @Field(() => Decision)
  decision: Decision;

  @Field({ description: 'Why, in words a person can read.' })
  reason: string;

  @Field(() => Work, { nullable: true, description: 'The work identified, if any.' })
  work: Work | null;

  @Field(() => ItemMatch, {
    nullable: true,
    description: 'How the work was identified; null when no work was.',
  })
  match: ItemMatch | null;

  @Field(() => [MatchCandidate], {
    description:
      'Registered works the title is close to when none of them is certainly the one meant, best first: the item is then PENDING until the work is named by id or identifier.',
  })
  candidates: MatchCandidate[];

  @Field(() => License, { nullable: true })
  license: License | null;

  @Field(() => Money, { nullable: true, description: 'The license fee, when granted.' })
  price: Money | null;

  @Field(() => [Party], { description: 'Holders to ask for a direct license, when opted out.' })
  contactHolders: Party[];

  @Field(() => String, { nullable: true })
  unidentifiedReference: string | null;

  @Field({
    description:
      'When the current decision was made: the request’s time, or later for an item PENDING while opt-out records were being brought up to date, which is decided again once they are.',
  })
  decidedAt: Date;

  @Field(() => Decision, {
    nullable: true,
    description:
      'The decision before the item was decided again (PENDING); null when decided once.',
  })
  previousDecision: Decision | null;
}

@ObjectType()
export class UseRequest {
  @Field(() => ID)
  id: string;

  @Field()
  createdAt: Date;

  @Field(() => [UseRequestItem])
  items: UseRequestItem[];
}

@ObjectType()
export class LicenseEdge {
  @Field(() => License)
  node: License;

  @Field()
  cursor: string;
}

@ObjectType()
export class LicenseConnection {
  @Field(() => [LicenseEdge])
  edges: LicenseEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@InputType()
export class RequestUseItemInput {
  @Field(() => ID, { nullable: true, description: 'The registry’s id of the work.' })
  @IsOptional()
  @IsId()
  workId?: string | null;

  @Field(() => IdentifierInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => IdentifierInput)
  identifier?: IdentifierInput | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Matched across scripts (kanji, kana, romaji), readings and spellings when no id or identifier is known; a title close to registered works without being certainly one is PENDING with its candidates.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Helps a title match.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  creatorName?: string | null;

  @Field(() => WorkCategory, {
    nullable: true,
    description: 'Needed when the work may be unidentified.',
  })
  @IsOptional()
  @IsEnum(WorkCategory)
  category?: WorkCategory | null;

  @Field(() => UseType)
  @IsEnum(UseType)
  useType: UseType;

  @Field({ description: 'ISO 3166-1 alpha-2, or WORLD.' })
  @IsString()
  territory: string;

  @Field({ description: 'First day (YYYY-MM-DD).' })
  @IsCalendarDate()
  from: string;

  @Field({ description: 'Day after the last (YYYY-MM-DD).' })
  @IsCalendarDate()
  to: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  expectedQuantity: number;
}

@InputType()
export class RequestUseInput {
  @Field({ description: 'A repeat with this key returns the first answer.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  idempotencyKey: string;

  @Field(() => [RequestUseItemInput])
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => RequestUseItemInput)
  items: RequestUseItemInput[];
}

@InputType()
export class LicensesFilterInput {
  @Field(() => LicenseStatus, { nullable: true })
  @IsOptional()
  @IsEnum(LicenseStatus)
  status?: LicenseStatus | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  workId?: string | null;

  @Field(() => UseType, { nullable: true })
  @IsOptional()
  @IsEnum(UseType)
  useType?: UseType | null;

  @Field(() => String, { nullable: true, description: 'Licenses covering this day (YYYY-MM-DD).' })
  @IsOptional()
  @IsCalendarDate()
  validOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'ISO 8601 instant: licenses revoked at or after it (when the revocation happened, revokedAt), listed by revokedAt then id, so that pages resume stably and a license revoked later comes after those already listed. To catch up, ask again from the last revokedAt seen (minus a minute, as revocations are recorded in transactions).',
  })
  @IsOptional()
  @IsInstant()
  revokedSince?: string | null;

  @Field(() => ID, { nullable: true, description: 'Operator and society admins: one platform.' })
  @IsOptional()
  @IsId()
  platformId?: string | null;
}
