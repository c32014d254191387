import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/auth';
import { Role, WorkDisputeResolved, WorkSharesChanged, type NewEvent } from '#libs/contracts';
import { Outbox } from '#libs/messaging';
import { PartyQueries } from '../../parties/application/party.queries.js';
import { WorkError, WorkErrorCode } from '../domain/work.errors.js';
import {
  DisputeEntity,
  DisputeStatus,
  ShareEntity,
  ShareVersionEntity,
} from '../infrastructure/work.entities.js';
import { WorkQueries } from './work.queries.js';
import type { WorkView } from './work-view.js';

export interface ResolveDispute {
  disputeId: string;
  /** true: the claimed shares replace the work's shares from now; false: the work stays as it is. */
  acceptClaim: boolean;
  resolution: string;
}

/** An admin settles a dispute: the operator, or the admin of a society of a party in it. */
@Injectable()
export class ResolveDisputeHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly parties: PartyQueries,
    private readonly works: WorkQueries,
  ) {}

  async execute(caller: Caller, input: ResolveDispute, correlationId: string): Promise<WorkView> {
    const workId = await this.dataSource.transaction(async (manager) => {
      const dispute = await manager.findOne(DisputeEntity, {
        where: { id: input.disputeId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!dispute)
        throw new WorkError(
          WorkErrorCode.WORK_NOT_FOUND,
          `dispute ${input.disputeId} does not exist`,
        );
      if (dispute.status !== DisputeStatus.OPEN) {
        throw new WorkError(
          WorkErrorCode.SHARES_CONFLICT,
          `dispute ${dispute.id} is already resolved`,
        );
      }
      if (caller.role !== Role.OPERATOR) {
        const parties = await this.parties.byIds(dispute.partyIds, manager);
        const societies = new Set([...parties.values()].flatMap((party) => party.societyIds));
        if (caller.role !== Role.SOCIETY_ADMIN || !societies.has(caller.partyId)) {
          throw new WorkError(
            WorkErrorCode.NOT_ALLOWED,
            `party ${caller.partyId} may not resolve dispute ${dispute.id}`,
          );
        }
      }
      const now = new Date();
      const events: NewEvent[] = [];
      if (input.acceptClaim) {
        const versionId = randomUUID();
        await manager.insert(ShareVersionEntity, {
          id: versionId,
          workId: dispute.workId,
          effectiveFrom: now,
          changedBy: caller.partyId,
        });
        if (dispute.claimedShares.length) {
          await manager.insert(
            ShareEntity,
            dispute.claimedShares.map((share) => ({ ...share, versionId })),
          );
        }
        events.push({
          definition: WorkSharesChanged,
          aggregateId: dispute.workId,
          correlationId,
          payload: {
            workId: dispute.workId,
            effectiveFrom: now.toISOString(),
            shares: dispute.claimedShares,
            changedBy: caller.partyId,
          },
        });
      }
      await manager.update(DisputeEntity, dispute.id, {
        status: DisputeStatus.RESOLVED,
        resolvedAt: now,
        resolvedBy: caller.partyId,
        resolution: input.resolution,
      });
      events.push({
        definition: WorkDisputeResolved,
        aggregateId: dispute.workId,
        correlationId,
        payload: {
          workId: dispute.workId,
          disputeId: dispute.id,
          resolution: `${input.acceptClaim ? 'claim accepted' : 'claim rejected'}: ${input.resolution}`,
          resolvedBy: caller.partyId,
          resolvedAt: now.toISOString(),
        },
      });
      await this.outbox.add(manager, events);
      return dispute.workId;
    });
    return (await this.works.byId(workId))!;
  }
}
