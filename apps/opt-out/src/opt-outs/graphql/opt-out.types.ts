import { Directive, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsId, IsInstant, OptOutScope, UseType, WorkCategory } from '#libs/contracts';
import { PageInfo } from '#libs/runtime';

/** A party of the registry, referenced by id. */
@ObjectType()
@Directive('@key(fields: "id", resolvable: false)')
export class Party {
  @Field(() => ID)
  id: string;
}

/** The registry's work; this service adds its opt-outs. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Work {
  @Field(() => ID)
  id: string;
}

@ObjectType({ description: "A holder's opt-out from extended collective licensing." })
export class OptOut {
  @Field(() => ID)
  id: string;

  @Field(() => Party, {
    nullable: true,
    description: 'The holder (the contact for a direct license); hidden from anonymous callers.',
  })
  holder?: Party | null;

  @Field(() => OptOutScope)
  scope: OptOutScope;

  @Field(() => Work, { nullable: true, description: 'The work, for scope WORK.' })
  work?: Work | null;

  @Field(() => [UseType], { description: 'Use types opted out of; empty: all of them.' })
  useTypes: UseType[];

  @Field()
  effectiveFrom: Date;

  @Field(() => Date, { nullable: true, description: 'From this instant it no longer applies.' })
  withdrawnAt: Date | null;

  @Field()
  registeredAt: Date;

  @Field({ description: 'In force now: effective and not withdrawn.' })
  inForce?: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Confirmation for the holder; only the holder, its society admin and the operator see it.',
  })
  confirmation?: string | null;
}

@InputType()
export class RegisterOptOutInput {
  @Field(() => ID)
  @IsId()
  holderId: string;

  @Field(() => OptOutScope)
  @IsEnum(OptOutScope)
  scope: OptOutScope;

  @Field(() => ID, { nullable: true, description: 'The work, for scope WORK.' })
  @IsOptional()
  @IsId()
  workId?: string | null;

  @Field(() => [UseType], { nullable: true, description: 'Empty or omitted: every use type.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Object.values(UseType).length)
  @IsEnum(UseType, { each: true })
  useTypes?: UseType[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 8601 instant; defaults to now and may not be in the past.',
  })
  @IsOptional()
  @IsInstant()
  effectiveFrom?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A repeat with this key returns the first opt-out.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  idempotencyKey?: string | null;
}

@ObjectType({ description: 'A work of the public opt-out register (no personal data).' })
export class OptedOutWork {
  @Field(() => Work)
  work: Work;

  @Field()
  title: string;

  @Field(() => WorkCategory)
  category: WorkCategory;

  @Field(() => [UseType], {
    description:
      'The uses it is out of the scheme for (those of all its opt-outs together); empty: every use type.',
  })
  useTypes: UseType[];

  @Field({
    description:
      'When its earliest opt-out takes (or took) effect; later than now for an opt-out scheduled ahead.',
  })
  since: Date;
}

@ObjectType()
export class OptedOutWorkEdge {
  @Field(() => OptedOutWork)
  node: OptedOutWork;

  @Field()
  cursor: string;
}

@ObjectType()
export class OptedOutWorkConnection {
  @Field(() => [OptedOutWorkEdge])
  edges: OptedOutWorkEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many works the register lists for the filter.' })
  totalCount: number;
}

@ObjectType({ description: 'Whether a work is out of the scheme for a use at an instant.' })
export class OptOutStatus {
  @Field(() => Work)
  work: Work;

  @Field(() => UseType, { nullable: true, description: 'Null: any use type.' })
  useType: UseType | null;

  @Field()
  at: Date;

  @Field()
  optedOut: boolean;

  @Field(() => [OptOut], { description: 'The opt-outs that take it out.' })
  optOuts: OptOut[];
}
