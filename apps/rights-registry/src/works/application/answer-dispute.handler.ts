import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/auth';
import { PartyQueries } from '../../parties/application/party.queries.js';
import { mayAnswerDispute } from '../domain/dispute-permissions.js';
import { WorkError, WorkErrorCode } from '../domain/work.errors.js';
import { DisputeEntity } from '../infrastructure/work.entities.js';
import { disputeSides, ensureOpen, lockDispute } from './dispute-sides.js';
import { WorkQueries } from './work.queries.js';
import type { WorkView } from './work-view.js';

export interface AnswerDispute {
  disputeId: string;
  answer: string;
}

/**
 * The holders' side answers a claim on their work (a current holder, or its society's admin):
 * the answer is kept on the dispute for whoever settles it; a later answer replaces it.
 */
@Injectable()
export class AnswerDisputeHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly parties: PartyQueries,
    private readonly works: WorkQueries,
  ) {}

  async execute(caller: Caller, input: AnswerDispute): Promise<WorkView> {
    const answer = input.answer.normalize('NFC').trim();
    if (!answer) throw new WorkError(WorkErrorCode.INVALID_WORK, 'answer must not be empty');
    const workId = await this.dataSource.transaction(async (manager) => {
      const dispute = await lockDispute(manager, input.disputeId);
      const sides = await disputeSides(manager, dispute, this.works, this.parties);
      if (!mayAnswerDispute(caller, sides)) {
        throw new WorkError(
          WorkErrorCode.NOT_ALLOWED,
          `party ${caller.partyId} may not answer dispute ${dispute.id}: a current holder of the work or its society's admin answers it`,
        );
      }
      ensureOpen(dispute);
      await manager.update(DisputeEntity, dispute.id, {
        answer,
        answeredBy: caller.partyId,
        answeredAt: new Date(),
      });
      return dispute.workId;
    });
    return (await this.works.byId(workId))!;
  }
}
