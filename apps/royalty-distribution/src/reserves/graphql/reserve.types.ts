import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsId, WorkCategory } from '#libs/contracts';
import { Money, PageInfo, Party, Work } from '#libs/runtime';
import { ClaimStatus, ReserveStatus } from '../infrastructure/reserve.entities.js';

registerEnumType(ReserveStatus, { name: 'ReserveStatus' });
registerEnumType(ClaimStatus, { name: 'ClaimStatus' });

@ObjectType({ description: 'Money a batch reserved or held, claimable until releaseAfter.' })
export class Reserve {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  batchId: string;

  @Field({ description: 'Work id, or the reference of an unidentified work.' })
  workKey: string;

  @Field(() => Work, { nullable: true })
  work: Work | null;

  @Field({ description: 'UNCLAIMED, UNIDENTIFIED, DISPUTED, NO_USAGE, or NON_MEMBER (held).' })
  reason: string;

  @Field(() => Money)
  amount: Money;

  @Field(() => ReserveStatus)
  status: ReserveStatus;

  @Field()
  releaseAfter: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The work's title (registry read model), or for an unidentified work the title its usage lines named.",
  })
  title: string | null;

  @Field({ description: "First day of the batch's period (YYYY-MM-DD)." })
  periodStart: string;

  @Field({ description: "Day after the last of the batch's period: [periodStart, periodEnd)." })
  periodEnd: string;

  @Field(() => WorkCategory)
  category: WorkCategory;

  @Field(() => Party, { description: "The batch's society." })
  society: Party;

  @Field(() => String, { nullable: true, description: "The society's name (registry read model)." })
  societyName: string | null;
}

@ObjectType()
export class ReserveEdge {
  @Field(() => Reserve)
  node: Reserve;

  @Field()
  cursor: string;
}

@ObjectType()
export class ReserveConnection {
  @Field(() => [ReserveEdge])
  edges: ReserveEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many reserves the filter keeps.' })
  totalCount: number;
}

@ObjectType()
export class Claim {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  reserveId: string;

  @Field(() => Party)
  holder: Party;

  @Field()
  evidence: string;

  @Field(() => ClaimStatus)
  status: ClaimStatus;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  settledAt: Date | null;

  @Field(() => Reserve, { nullable: true, description: 'The money claimed: its title and amount.' })
  reserve?: Reserve | null;
}

@ObjectType()
export class ClaimEdge {
  @Field(() => Claim)
  node: Claim;

  @Field()
  cursor: string;
}

@ObjectType()
export class ClaimConnection {
  @Field(() => [ClaimEdge])
  edges: ClaimEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many claims the filter keeps.' })
  totalCount: number;
}

@InputType()
export class ClaimsFilterInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "Whose claims; a right holder's own party by default (a right holder asking for another holder lists nothing).",
  })
  @IsOptional()
  @IsId()
  holderId?: string | null;

  @Field(() => ClaimStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ClaimStatus)
  status?: ClaimStatus | null;
}

@InputType()
export class ReservesFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  batchId?: string | null;

  @Field(() => ReserveStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ReserveStatus)
  status?: ReserveStatus | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  reason?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'A title to search for, forgiving (kana and romaji, width, spacing, misspellings): works by the matcher, unidentified works by the title their usage lines named.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  query?: string | null;
}

@InputType()
export class ClaimReserveInput {
  @Field(() => ID)
  @IsId()
  reserveId: string;

  @Field(() => ID)
  @IsId()
  holderId: string;

  @Field({ description: 'Why the money is the holder’s: registrations, contracts, links.' })
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  evidence: string;
}

@InputType()
export class SettleClaimInput {
  @Field(() => ID)
  @IsId()
  claimId: string;

  @Field()
  @IsBoolean()
  approve: boolean;
}
