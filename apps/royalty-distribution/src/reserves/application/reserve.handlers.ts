import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '#libs/auth';
import { ClaimSettled, PartyKind, ReserveReleased, Role, isUuid } from '#libs/contracts';
import { Outbox } from '#libs/messaging';
import { RegistryViewReader } from '#libs/registry-view';
import { BatchEntity } from '../../batches/infrastructure/batch.entities.js';
import {
  DistributionError,
  DistributionErrorCode,
} from '../../shared/domain/distribution.errors.js';
import {
  PUBLIC_RESERVE_REASONS,
  mayActForHolder,
  mayReadClaim,
  mayReadReserve,
  mayRunBatch,
} from '../../shared/domain/tenancy.js';
import {
  ClaimEntity,
  ClaimStatus,
  ReserveEntity,
  ReserveStatus,
} from '../infrastructure/reserve.entities.js';

/** Why a reserve no longer takes claims, in a sentence. */
const CLOSED_RESERVE: Record<Exclude<ReserveStatus, ReserveStatus.OPEN>, string> = {
  [ReserveStatus.CLAIMED]: 'the reserve is CLAIMED: its money went to an approved claim',
  [ReserveStatus.RELEASED]: 'the reserve is RELEASED: its claim period has ended',
};

export interface ClaimInput {
  reserveId: string;
  holderId: string;
  evidence: string;
}

/** Claims on reserved money, their settlement by an admin, and release after the period. */
@Injectable()
export class ReserveHandlers {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly registry: RegistryViewReader,
  ) {}

  /** Societies a holder is a member of today, looked up only when the caller is an admin. */
  private async holderSocieties(
    caller: Caller,
    holderId: string,
    manager: EntityManager,
  ): Promise<string[]> {
    return caller.role === Role.SOCIETY_ADMIN
      ? this.registry.societiesOf(holderId, new Date(), manager)
      : [];
  }

  /**
   * The society a claimant is a member of on `day` (the first by id when several), whose
   * people are told the claim was settled; null when it is a member of none.
   */
  private async claimantSociety(
    holderId: string,
    day: Date,
    manager: EntityManager,
  ): Promise<string | null> {
    const societies = await this.registry.societiesOf(holderId, day, manager);
    return [...societies].sort()[0] ?? null;
  }

  /**
   * Claims reserved money for a holder: the holder itself, an admin of its society or the
   * operator. A reserve the caller may not see, a holder it does not act for or one the
   * registry does not know is NOT_FOUND; a repeat returns the pending claim.
   */
  async claim(caller: Caller, input: ClaimInput): Promise<ClaimEntity> {
    if (!input.evidence.trim())
      throw new DistributionError(DistributionErrorCode.INVALID, 'evidence must not be empty');
    return this.dataSource.transaction(async (manager) => {
      // Locked: two claims of one holder racing on a reserve make one pending claim.
      const reserve = await manager.findOne(ReserveEntity, {
        where: { id: input.reserveId },
        lock: { mode: 'pessimistic_write' },
      });
      const batch =
        reserve && (await manager.findOneByOrFail(BatchEntity, { id: reserve.batchId }));
      if (
        !reserve ||
        !batch ||
        !mayReadReserve(caller, {
          ...reserve,
          batchSocietyId: batch.societyId,
          holderSocietyIds: isUuid(reserve.holderKey)
            ? await this.holderSocieties(caller, reserve.holderKey, manager)
            : [],
        }) ||
        !mayActForHolder(
          caller,
          input.holderId,
          await this.holderSocieties(caller, input.holderId, manager),
        ) ||
        (await this.registry.partyKind(input.holderId, manager)) !== PartyKind.RIGHT_HOLDER
      )
        throw new DistributionError(
          DistributionErrorCode.NOT_FOUND,
          `no reserve ${input.reserveId} that you may claim for holder ${input.holderId}`,
        );
      if (!PUBLIC_RESERVE_REASONS.includes(reserve.reason) && reserve.holderKey !== input.holderId)
        throw new DistributionError(
          DistributionErrorCode.NOT_ALLOWED,
          'money held for a holder is claimed by that holder',
        );
      if (reserve.status !== ReserveStatus.OPEN)
        throw new DistributionError(DistributionErrorCode.CONFLICT, CLOSED_RESERVE[reserve.status]);
      const pending = await manager.findOneBy(ClaimEntity, {
        reserveId: reserve.id,
        holderId: input.holderId,
        status: ClaimStatus.PENDING,
      });
      if (pending) return pending;
      return manager.save(
        manager.create(ClaimEntity, {
          id: uuidv7(),
          reserveId: reserve.id,
          holderId: input.holderId,
          evidence: input.evidence.trim(),
          status: ClaimStatus.PENDING,
          claimedBy: caller.partyId,
          settledBy: null,
          settledAt: null,
        }),
      );
    });
  }

  /**
   * An admin of the batch's society (or the operator) approves or rejects a claim. A claim the
   * caller may not see is NOT_FOUND; one it sees but does not settle (an admin of the
   * holder's society) is FORBIDDEN.
   */
  async settle(caller: Caller, claimId: string, approve: boolean): Promise<ClaimEntity> {
    return this.dataSource.transaction(async (manager) => {
      const claim = await manager.findOne(ClaimEntity, {
        where: { id: claimId },
        lock: { mode: 'pessimistic_write' },
      });
      const reserve =
        claim &&
        (await manager.findOne(ReserveEntity, {
          where: { id: claim.reserveId },
          lock: { mode: 'pessimistic_write' },
        }));
      const batch =
        reserve && (await manager.findOneByOrFail(BatchEntity, { id: reserve.batchId }));
      if (
        !claim ||
        !reserve ||
        !batch ||
        !mayReadClaim(caller, {
          holderId: claim.holderId,
          holderSocietyIds: await this.holderSocieties(caller, claim.holderId, manager),
          batchSocietyId: batch.societyId,
        })
      )
        throw new DistributionError(DistributionErrorCode.NOT_FOUND, `no claim ${claimId}`);
      if (!mayRunBatch(caller, batch.societyId))
        throw new DistributionError(
          DistributionErrorCode.NOT_ALLOWED,
          "claims are settled by the operator or the admin of the batch's society",
        );
      if (claim.status !== ClaimStatus.PENDING) return claim;
      if (approve && reserve.status !== ReserveStatus.OPEN)
        throw new DistributionError(DistributionErrorCode.CONFLICT, CLOSED_RESERVE[reserve.status]);
      const settledAt = new Date();
      claim.status = approve ? ClaimStatus.APPROVED : ClaimStatus.REJECTED;
      claim.settledBy = caller.partyId;
      claim.settledAt = settledAt;
      await manager.save(claim);
      if (approve) {
        await manager.update(ReserveEntity, reserve.id, { status: ReserveStatus.CLAIMED });
        await this.outbox.add(manager, [
          {
            definition: ClaimSettled,
            aggregateId: batch.id,
            correlationId: `claim-${claim.id}`,
            payload: {
              claimId: claim.id,
              reserveId: reserve.id,
              holderId: claim.holderId,
              amount: { amountMinor: reserve.amount.toString(), currency: reserve.currency },
              settledAt: settledAt.toISOString(),
              societyId: batch.societyId,
              batchId: batch.id,
              claimantSocietyId: await this.claimantSociety(claim.holderId, settledAt, manager),
            },
          },
        ]);
      }
      return claim;
    });
  }

  /** Releases open reserves whose claim period ended on or before `asOf`; returns how many. */
  async release(caller: Caller, asOf: string): Promise<number> {
    if (caller.role !== Role.OPERATOR)
      throw new DistributionError(
        DistributionErrorCode.NOT_ALLOWED,
        'the operator releases reserves',
      );
    return this.dataSource.transaction(async (manager) => {
      // An UPDATE ... RETURNING answers [rows, count].
      const [released] = await manager.query<
        [{ id: string; batch_id: string; amount: string; currency: string }[], number]
      >(
        `UPDATE royalty_distribution.reserves SET status = 'RELEASED', released_at = now()
         WHERE status = 'OPEN' AND release_after <= $1::date
         RETURNING id, batch_id, amount::text AS amount, currency`,
        [asOf],
      );
      const releasedAt = new Date().toISOString();
      await this.outbox.add(
        manager,
        released.map((reserve) => ({
          definition: ReserveReleased,
          aggregateId: reserve.batch_id,
          correlationId: `release-${asOf}`,
          payload: {
            reserveId: reserve.id,
            batchId: reserve.batch_id,
            amount: { amountMinor: reserve.amount, currency: reserve.currency },
            rule: 'claim period ended unclaimed',
            releasedAt,
          },
        })),
      );
      return released.length;
    });
  }
}
