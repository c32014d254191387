import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { IsCalendarDate, IsId, UseType, WorkCategory } from '#libs/contracts';
import { Money, PageInfo, Party, Work } from '#libs/runtime';
import { BatchStatus, CalculationState } from '../infrastructure/batch.entities.js';

registerEnumType(BatchStatus, { name: 'BatchStatus' });
registerEnumType(CalculationState, { name: 'CalculationState' });

@ObjectType({ description: 'Progress of a (re)calculation.' })
export class BatchCalculation {
  @Field(() => CalculationState)
  state: CalculationState;

  @Field(() => String, { nullable: true, description: 'What the running calculation is doing.' })
  phase: string | null;

  @Field(() => String, { nullable: true })
  error: string | null;

  @Field(() => Date, { nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true })
  calculatedAt: Date | null;
}

@ObjectType()
export class WorkAmount {
  @Field({ description: 'Work id, or the reference of an unidentified work.' })
  workKey: string;

  @Field(() => Work, { nullable: true })
  work: Work | null;

  @Field(() => Money)
  amount: Money;
}

@ObjectType({ description: 'A distribution run over one period, category and society.' })
export class DistributionBatch {
  @Field(() => ID)
  id: string;

  @Field(() => BatchStatus)
  status: BatchStatus;

  @Field(() => Party)
  society: Party;

  @Field(() => WorkCategory)
  category: WorkCategory;

  @Field()
  periodStart: string;

  @Field()
  periodEnd: string;

  @Field(() => Int)
  adminFeeBps: number;

  @Field(() => Money, {
    nullable: true,
    description: 'Null until calculated when taken from license fees.',
  })
  pool: Money | null;

  @Field(() => Money, { nullable: true })
  adminFee: Money | null;

  @Field(() => Money, { nullable: true, description: 'Payable plus held.' })
  allocatedTotal: Money | null;

  @Field(() => Money, { nullable: true })
  payableTotal: Money | null;

  @Field(() => Money, {
    nullable: true,
    description: 'Allocated to non-members, held until they claim.',
  })
  heldTotal: Money | null;

  @Field(() => Money, {
    nullable: true,
    description: 'UNCLAIMED, UNIDENTIFIED and disputed money.',
  })
  reservedTotal: Money | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Usage lines not paid (works opted out on the usage date).',
  })
  exceptions: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'SHA-256 of the allocations: equal for equal inputs.',
  })
  checksum: string | null;

  @Field(() => BatchCalculation)
  calculation: BatchCalculation;

  @Field(() => [WorkAmount], { description: 'The works that earned the most.' })
  topWorks?: WorkAmount[];
}

@ObjectType()
export class StatementLine {
  @Field({ description: 'Work id, or the reference of an unidentified work.' })
  workKey: string;

  @Field(() => Work, { nullable: true })
  work: Work | null;

  @Field(() => UseType)
  useType: UseType;

  @Field(() => Money)
  amount: Money;

  @Field({ description: 'PAYABLE, HELD (non-member: until claimed) or RESERVED (disputed work).' })
  status: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The work's title as the registry has it (null when the registry has not told yet).",
  })
  title: string | null;
}

@ObjectType({
  description:
    "A holder's part of a batch, readable as a document: who it is for, the batch's society, period, category and use types, and the money per work and use type.",
})
export class Statement {
  @Field(() => Party)
  holder: Party;

  @Field(() => String, { nullable: true, description: "The holder's name (registry read model)." })
  holderName: string | null;

  @Field(() => ID)
  batchId: string;

  @Field(() => BatchStatus, {
    description:
      'A right holder (or an admin of its society) reads statements of APPROVED and CLOSED batches only; whoever runs the batch also reads them while CALCULATED.',
  })
  batchStatus: BatchStatus;

  @Field(() => Date, { nullable: true, description: 'When the batch was approved.' })
  approvedAt: Date | null;

  @Field(() => Party, { description: "The batch's society." })
  society: Party;

  @Field(() => String, { nullable: true, description: "The society's name (registry read model)." })
  societyName: string | null;

  @Field(() => WorkCategory)
  category: WorkCategory;

  @Field({ description: 'First day of the period (YYYY-MM-DD).' })
  periodStart: string;

  @Field({
    description: 'Day after the last of the period: the period is [periodStart, periodEnd).',
  })
  periodEnd: string;

  @Field()
  currency: string;

  @Field(() => [UseType], { description: 'The use types the holder earned from.' })
  useTypes: UseType[];

  @Field(() => Money)
  totalPayable: Money;

  @Field(() => Money, { description: 'Allocated to a non-member, held until it claims.' })
  totalHeld: Money;

  @Field(() => Money, { description: 'Reserved because a work is disputed.' })
  totalReserved: Money;

  @Field(() => Money, {
    description:
      'The part of totalHeld whose claim was approved (the holder’s held reserve is CLAIMED): paid out to the holder.',
  })
  totalClaimed: Money;

  @Field(() => [StatementLine])
  lines?: StatementLine[];
}

@InputType()
export class StatementsFilterInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "Whose statements; a right holder's own party by default (a right holder asking for another holder lists nothing).",
  })
  @IsOptional()
  @IsId()
  holderId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  batchId?: string | null;

  @Field(() => WorkCategory, { nullable: true })
  @IsOptional()
  @IsEnum(WorkCategory)
  category?: WorkCategory | null;

  @Field(() => String, {
    nullable: true,
    description: 'Batches whose period starts on or after this day (YYYY-MM-DD).',
  })
  @IsOptional()
  @IsCalendarDate()
  periodFrom?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Batches whose period ends on or before this day (YYYY-MM-DD, exclusive end).',
  })
  @IsOptional()
  @IsCalendarDate()
  periodTo?: string | null;
}

@ObjectType()
export class StatementEdge {
  @Field(() => Statement)
  node: Statement;

  @Field()
  cursor: string;
}

@ObjectType({
  description: 'Totals of every statement the filter keeps (not only the page), in one currency.',
})
export class StatementTotals {
  @Field()
  currency: string;

  @Field(() => Money)
  payable: Money;

  @Field(() => Money, { description: 'Held for non-members until they claim (claimed included).' })
  held: Money;

  @Field(() => Money, { description: 'Reserved because a work is disputed.' })
  reserved: Money;

  @Field(() => Money, {
    description: 'The part of held whose claim was approved (held reserve CLAIMED).',
  })
  claimed: Money;
}

@ObjectType()
export class StatementConnection {
  @Field(() => [StatementEdge])
  edges: StatementEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many statements the filter keeps.' })
  totalCount: number;

  @Field(() => [StatementTotals], { description: 'One per currency.' })
  totals: StatementTotals[];
}

@InputType()
export class CreateDistributionBatchInput {
  @Field()
  @IsCalendarDate()
  periodStart: string;

  @Field({ description: 'Day after the last (the period is [periodStart, periodEnd)).' })
  @IsCalendarDate()
  periodEnd: string;

  @Field(() => WorkCategory)
  @IsEnum(WorkCategory)
  category: WorkCategory;

  @Field(() => String, {
    nullable: true,
    description: 'Integer minor units; omitted: the ECL license fees of the period and category.',
  })
  @IsOptional()
  @IsString()
  poolAmountMinor?: string | null;

  @Field()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code' })
  currency: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(10_000)
  adminFeeBps: number;

  @Field(() => ID, {
    nullable: true,
    description: 'The operator names the society; an admin runs its own.',
  })
  @IsOptional()
  @IsId()
  societyId?: string | null;
}
