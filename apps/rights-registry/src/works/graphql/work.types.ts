import {
  Directive,
  Field,
  Float,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
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
import { IdentifierScheme, IsId, IsInstant, RightType, WorkCategory } from '#libs/contracts';
import { MatchMethod } from '#libs/matching';
import { IdentifierInput, PageInfo } from '#libs/runtime';
import { Party } from '../../parties/graphql/party.type.js';
import { DisputeStatus } from '../infrastructure/work.entities.js';

registerEnumType(DisputeStatus, {
  name: 'DisputeStatus',
  description: 'Where a dispute stands.',
  valuesMap: {
    OPEN: { description: "Waiting to be settled; the work's money is held." },
    RESOLVED: {
      description: 'Settled by the operator or the holders’ society: claim accepted or rejected.',
    },
    WITHDRAWN: { description: 'Withdrawn by the claimant’s side; the shares never changed.' },
  },
});

@ObjectType()
export class Identifier {
  @Field(() => IdentifierScheme)
  scheme: IdentifierScheme;

  @Field({ description: 'Stored form, e.g. T0345246801.' })
  value: string;
}

@ObjectType()
export class AlternativeTitle {
  @Field()
  title: string;

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag.' })
  language: string | null;
}

@ObjectType({ description: "A holder's share of one right in a work." })
export class WorkShare {
  @Field(() => ID)
  holderId: string;

  @Field(() => Party)
  holder?: Party;

  @Field(() => RightType)
  rightType: RightType;

  @Field(() => Int, { description: 'Basis points; 10000 is the whole right.' })
  shareBps: number;
}

@ObjectType({
  description:
    "A claim on a work by other holders: settled by the operator or the admin of a society of the work's current holders, withdrawn by the claimant's side, answered by the holders' side.",
})
export class Dispute {
  @Field(() => ID)
  id: string;

  @Field()
  reason: string;

  @Field(() => ID, { description: 'The right holder claiming the shares.' })
  claimantId: string;

  @Field(() => ID, {
    description:
      'The party whose registration opened the dispute: the claimant itself, its society’s admin, or the operator.',
  })
  openedBy: string;

  @Field()
  openedAt: Date;

  @Field(() => String, {
    nullable: true,
    description: "The current holders' side's answer to the claim.",
  })
  answer: string | null;

  @Field(() => ID, { nullable: true })
  answeredBy: string | null;

  @Field(() => Date, { nullable: true })
  answeredAt: Date | null;

  @Field(() => DisputeStatus)
  status: DisputeStatus;

  @Field(() => [WorkShare], { description: 'The shares the claimant asked for.' })
  claimedShares: WorkShare[];

  @Field(() => Date, { nullable: true, description: 'When it was settled or withdrawn.' })
  resolvedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'How it was settled, or that it was withdrawn and by whom.',
  })
  resolution: string | null;
}

@ObjectType()
export class DisputeEdge {
  @Field(() => Dispute)
  node: Dispute;

  @Field()
  cursor: string;
}

@ObjectType()
export class DisputeConnection {
  @Field(() => [DisputeEdge])
  edges: DisputeEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many disputes the filter selects, on every page.' })
  totalCount: number;
}

@InputType()
export class DisputesFilterInput {
  @Field(() => ID, { nullable: true, description: 'Disputes on this work.' })
  @IsOptional()
  @IsId()
  workId?: string;

  @Field(() => DisputeStatus, { nullable: true })
  @IsOptional()
  @IsEnum(DisputeStatus)
  status?: DisputeStatus;

  @Field(() => ID, {
    nullable: true,
    description:
      'Disputes that involve this party: on works it holds a share in now, or claiming shares for it (as claimant or claimed holder), or opened by it. A right holder sees only disputes that involve itself, so by default it gets exactly those.',
  })
  @IsOptional()
  @IsId()
  holderId?: string;
}

@ObjectType({ description: 'How many disputes one party opened in a period.' })
export class DisputeOpener {
  @Field(() => ID)
  openerId: string;

  @Field(() => Party, {
    nullable: true,
    description: 'The opener; null when it is not a registered party (an operator).',
  })
  opener?: Party | null;

  @Field(() => Int)
  opened: number;

  @Field(() => Int, { description: 'Of those, still open (their works’ money is held).' })
  stillOpen: number;

  @Field(() => Int, { description: 'Of those, withdrawn by the claimant’s side.' })
  withdrawn: number;

  @Field()
  lastOpenedAt: Date;
}

@ObjectType({
  description:
    'A work of any category: music, film, TV program, game, manga, book, user-generated content.',
})
@Directive('@key(fields: "id")')
export class Work {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => WorkCategory)
  category: WorkCategory;

  @Field(() => [String])
  creatorNames: string[];

  @Field(() => [AlternativeTitle])
  alternativeTitles: AlternativeTitle[];

  @Field(() => [Identifier])
  identifiers: Identifier[];

  @Field()
  createdAt: Date;
}

@ObjectType({ description: 'A work found for a text, how it was found and how close it is.' })
export class WorkMatch {
  @Field(() => Work)
  work: Work;

  @Field(() => MatchMethod)
  method: MatchMethod;

  @Field(() => Float, { description: 'From 0 to 1; 1 for an identifier or the same title.' })
  score: number;
}

@ObjectType()
export class WorkEdge {
  @Field(() => Work)
  node: Work;

  @Field()
  cursor: string;
}

@ObjectType()
export class WorkConnection {
  @Field(() => [WorkEdge])
  edges: WorkEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many works the filter selects, on every page.' })
  totalCount: number;
}

@InputType()
export class ShareInput {
  @Field(() => ID)
  @IsId()
  holderId: string;

  @Field(() => RightType)
  @IsEnum(RightType)
  rightType: RightType;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(10_000)
  shareBps: number;
}

@InputType()
export class AlternativeTitleInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  language?: string | null;
}

@InputType()
export class RegisterWorkInput {
  @Field(() => String, {
    nullable: true,
    description: 'Makes a retry safe: the same key (per caller) returns the first result.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  idempotencyKey?: string | null;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  title: string;

  @Field(() => WorkCategory)
  @IsEnum(WorkCategory)
  category: WorkCategory;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @ArrayMaxSize(100)
  creatorNames?: string[];

  @Field(() => [AlternativeTitleInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => AlternativeTitleInput)
  alternativeTitles?: AlternativeTitleInput[];

  @Field(() => [IdentifierInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => IdentifierInput)
  identifiers?: IdentifierInput[];

  @Field(() => [ShareInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ShareInput)
  @ArrayMaxSize(1000)
  shares?: ShareInput[];

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Registers the work even when a registered work has the same title, category and holders (otherwise refused with CONFLICT naming that work).',
  })
  @IsOptional()
  @IsBoolean()
  confirmDuplicates?: boolean | null;
}

@InputType({
  description:
    "A change of a work's titles or creators: what is given replaces what was; what is left out stays.",
})
export class UpdateWorkInput {
  @Field(() => ID)
  @IsId()
  workId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  title?: string | null;

  @Field(() => [AlternativeTitleInput], {
    nullable: true,
    description: 'Every alternative title of the work (an empty list removes them all).',
  })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => AlternativeTitleInput)
  @ArrayMaxSize(100)
  alternativeTitles?: AlternativeTitleInput[] | null;

  @Field(() => [String], { nullable: true, description: 'Every creator of the work.' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @ArrayMaxSize(100)
  creatorNames?: string[] | null;
}

@InputType()
export class UpdateWorkSharesInput {
  @Field(() => ID)
  @IsId()
  workId: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601 instant; defaults to now.' })
  @IsOptional()
  @IsInstant()
  effectiveFrom?: string | null;

  @Field(() => [ShareInput], { description: 'The complete set of shares from effectiveFrom.' })
  @ValidateNested({ each: true })
  @Type(() => ShareInput)
  @ArrayMaxSize(1000)
  shares: ShareInput[];
}

@InputType()
export class WorksFilterInput {
  @Field(() => WorkCategory, { nullable: true })
  @IsOptional()
  @IsEnum(WorkCategory)
  category?: WorkCategory;

  @Field(() => ID, {
    nullable: true,
    description:
      'Works in which this party has ever held a share (only those it holds one in now with currentOnly).',
  })
  @IsOptional()
  @IsId()
  holderId?: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'With holderId: only the works in which the party holds a share now (shares in force today), not those it sold or gave up.',
  })
  @IsOptional()
  @IsBoolean()
  currentOnly?: boolean;
}

@InputType()
export class RegisterWorksInput {
  @Field(() => [RegisterWorkInput], {
    description: 'Up to 1000 works, registered all together or not at all.',
  })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => RegisterWorkInput)
  works: RegisterWorkInput[];

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Registers every work of the batch even when it likely repeats a registered work or an earlier one of the batch (same title, category and holders).',
  })
  @IsOptional()
  @IsBoolean()
  confirmDuplicates?: boolean | null;
}

@InputType()
export class ResolveDisputeInput {
  @Field(() => ID)
  @IsId()
  disputeId: string;

  @Field({ description: "true: the claimant's shares replace the work's shares from now." })
  @IsBoolean()
  acceptClaim: boolean;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  resolution: string;
}

@InputType()
export class AnswerDisputeInput {
  @Field(() => ID)
  @IsId()
  disputeId: string;

  @Field({ description: "The current holders' answer to the claim; replaces an earlier one." })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  answer: string;
}
