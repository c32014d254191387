import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/auth';
import { WorkDisputeResolved, WorkSharesChanged, type NewEvent } from '#libs/contracts';
import { Outbox } from '#libs/messaging';
import { PartyQueries } from '../../parties/application/party.queries.js';
import { maySettleDispute } from '../domain/dispute-permissions.js';
import { WorkError, WorkErrorCode } from '../domain/work.errors.js';
import {
  DisputeEntity,
  DisputeStatus,
  ShareEntity,
  ShareVersionEntity,
} from '../infrastructure/work.entities.js';
import { disputeSides, ensureOpen, lockWorkAndDispute } from './dispute-sides.js';
import { WorkQueries } from './work.queries.js';
import type { WorkView } from './work-view.js';

export interface ResolveDispute {
  disputeId: string;
  /** true: the claimed shares replace the work's shares from now; false: the work stays as it is. */
  acceptClaim: boolean;
  resolution: string;
}

/**
 * An admin settles a dispute: the operator, or the admin of a society of the work's current
 * holders that is not also on the claimant's side (domain/dispute-permissions).
 */
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
      const dispute = await lockWorkAndDispute(manager, input.disputeId);
      const sides = await disputeSides(manager, dispute, this.works, this.parties);
      if (!maySettleDispute(caller, sides)) {
        throw new WorkError(
          WorkErrorCode.NOT_ALLOWED,
          `party ${caller.partyId} may not settle dispute ${dispute.id}: the operator or the admin of a society of the work's current holders settles it, never the claimant's side`,
        );
      }
      ensureOpen(dispute);
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
