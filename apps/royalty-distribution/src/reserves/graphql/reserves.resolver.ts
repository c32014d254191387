import {
  Args,
  Field,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  registerEnumType,
} from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentCaller, Public, Roles, apiError, type Caller } from '#libs/auth';
import { IsId, Role } from '#libs/contracts';
import { PUBLIC_RESERVE_REASONS, reserveScope } from '../../shared/domain/tenancy.js';
import {
  CalendarDateArgPipe,
  Money,
  PageInfo,
  Party,
  Work,
  cursorOf,
  keyOf,
  moneyOf,
  pageOf,
} from '#libs/runtime';
import { mapDistributionErrors } from '../../shared/graphql/distribution-errors.js';
import { ReserveHandlers } from '../application/reserve.handlers.js';
import {
  ClaimStatus,
  ReserveEntity,
  ReserveStatus,
  type ClaimEntity,
} from '../infrastructure/reserve.entities.js';
import { workReference } from '../../shared/graphql/work-reference.js';

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

const claimView = (claim: ClaimEntity): Claim => ({ ...claim, holder: { id: claim.holderId } });

/** The public reserve report, claims and their settlement, release after the period. */
@Resolver()
export class ReservesResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly handlers: ReserveHandlers,
  ) {}

  @Query(() => ReserveConnection, {
    description:
      "Reserved money (public: unclaimed, unidentified, disputed); money held for a non-member shows to that holder, to an admin of its society or of the batch's society and to the operator.",
  })
  @Public()
  async reserves(
    @CurrentCaller() caller: Caller | null,
    @Args('filter', { nullable: true }) filter?: ReservesFilterInput,
    @Args('first', { type: () => Int, nullable: true }) first = 50,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<ReserveConnection> {
    if (first < 1 || first > 200) throw apiError('BAD_USER_INPUT', 'first must be from 1 to 200');
    const query = this.dataSource.manager
      .createQueryBuilder(ReserveEntity, 'reserve')
      .orderBy('reserve.id', 'ASC')
      .take(first + 1);
    if (filter?.batchId) query.andWhere('reserve.batchId = :batchId', filter);
    if (filter?.status) query.andWhere('reserve.status = :status', filter);
    if (filter?.reason) query.andWhere('reserve.reason = :reason', filter);
    if (after) query.andWhere('reserve.id > :after', { after: keyOf(after) });
    const scope = reserveScope(caller);
    if (!scope.everything) {
      const visible = ['reserve.reason IN (:...reasons)'];
      if (scope.heldForHolder) visible.push('reserve.holderKey = :holder');
      if (scope.ofSociety)
        visible.push(
          `reserve.batchId IN (SELECT id FROM royalty_distribution.distribution_batches
                               WHERE society_id = :society)`,
          `reserve.holderKey IN (SELECT party_id::text FROM royalty_distribution.rv_memberships
                                 WHERE society_id = :society AND member_from <= :today::date
                                   AND (member_to IS NULL OR :today::date < member_to))`,
        );
      query.andWhere(`(${visible.join(' OR ')})`, {
        reasons: PUBLIC_RESERVE_REASONS,
        holder: scope.heldForHolder,
        society: scope.ofSociety,
        // Memberships count by the UTC day, as everywhere else (RegistryViewReader.societiesOf).
        today: new Date().toISOString().slice(0, 10),
      });
    }
    const { rows, pageInfo } = pageOf(await query.getMany(), first, (reserve) => reserve.id);
    return {
      edges: rows.map((reserve) => ({
        node: {
          ...reserve,
          work: workReference(reserve.workKey),
          amount: moneyOf(reserve.amount, reserve.currency),
        },
        cursor: cursorOf(reserve.id),
      })),
      pageInfo,
    };
  }

  @Mutation(() => Claim, { description: 'Claims reserved money for a holder, with evidence.' })
  @Roles(Role.RIGHT_HOLDER, Role.SOCIETY_ADMIN, Role.OPERATOR)
  async claimReserve(
    @Args('input') input: ClaimReserveInput,
    @CurrentCaller() caller: Caller,
  ): Promise<Claim> {
    return claimView(await mapDistributionErrors(() => this.handlers.claim(caller, input)));
  }

  @Mutation(() => Claim, { description: 'Approves or rejects a claim (the society’s admin).' })
  @Roles(Role.SOCIETY_ADMIN, Role.OPERATOR)
  async settleClaim(
    @Args('input') input: SettleClaimInput,
    @CurrentCaller() caller: Caller,
  ): Promise<Claim> {
    return claimView(
      await mapDistributionErrors(() => this.handlers.settle(caller, input.claimId, input.approve)),
    );
  }

  @Mutation(() => Int, { description: 'Releases reserves whose claim period ended (operator).' })
  @Roles(Role.OPERATOR)
  async releaseReserves(
    @CurrentCaller() caller: Caller,
    @Args(
      'asOf',
      { nullable: true, description: 'YYYY-MM-DD; default today.' },
      CalendarDateArgPipe,
    )
    asOf?: string,
  ): Promise<number> {
    const day = asOf ?? new Date().toISOString().slice(0, 10);
    return mapDistributionErrors(() => this.handlers.release(caller, day));
  }
}
