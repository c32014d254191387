import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/auth';
import { WorkDisputeResolved } from '#libs/contracts';
import { Outbox } from '#libs/messaging';
import { PartyQueries } from '../../parties/application/party.queries.js';
import { mayWithdrawDispute } from '../domain/dispute-permissions.js';
import { WorkError, WorkErrorCode } from '../domain/work.errors.js';
import { DisputeEntity, DisputeStatus } from '../infrastructure/work.entities.js';
import { disputeSides, ensureOpen, lockDispute } from './dispute-sides.js';
import { WorkQueries } from './work.queries.js';
import type { WorkView } from './work-view.js';

/**
 * The claimant's side takes its claim back: the dispute closes, the work's shares stay as they
 * are, and work.dispute-resolved says it was withdrawn (the work's money is no longer held).
 */
@Injectable()
export class WithdrawDisputeHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly parties: PartyQueries,
    private readonly works: WorkQueries,
  ) {}

  async execute(caller: Caller, disputeId: string, correlationId: string): Promise<WorkView> {
    const workId = await this.dataSource.transaction(async (manager) => {
      const dispute = await lockDispute(manager, disputeId);
      const sides = await disputeSides(manager, dispute, this.works, this.parties);
      if (!mayWithdrawDispute(caller, sides)) {
        throw new WorkError(
          WorkErrorCode.NOT_ALLOWED,
          `party ${caller.partyId} may not withdraw dispute ${dispute.id}: only the claimant's side withdraws its claim`,
        );
      }
      ensureOpen(dispute);
      const now = new Date();
      const resolution = `claim withdrawn by party ${caller.partyId}`;
      await manager.update(DisputeEntity, dispute.id, {
        status: DisputeStatus.WITHDRAWN,
        resolvedAt: now,
        resolvedBy: caller.partyId,
        resolution,
      });
      await this.outbox.add(manager, [
        {
          definition: WorkDisputeResolved,
          aggregateId: dispute.workId,
          correlationId,
          payload: {
            workId: dispute.workId,
            disputeId: dispute.id,
            resolution,
            resolvedBy: caller.partyId,
            resolvedAt: now.toISOString(),
          },
        },
      ]);
      return dispute.workId;
    });
    return (await this.works.byId(workId))!;
  }
}
