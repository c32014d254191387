import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { IsCalendarDate, IsId, UseType, WorkCategory } from '#libs/contracts';
import { Money, Party, Work } from '#libs/runtime';
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
}

@ObjectType({ description: "A holder's part of a batch." })
export class Statement {
  @Field(() => Party)
  holder: Party;

  @Field(() => ID)
  batchId: string;

  @Field(() => Money)
  totalPayable: Money;

  @Field(() => Money)
  totalHeld: Money;

  @Field(() => Money, { description: 'Reserved because a work is disputed.' })
  totalReserved: Money;

  @Field(() => [StatementLine])
  lines: StatementLine[];
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
