import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/auth';
import { PartyKind, WorkSharesChanged } from '#libs/contracts';
import { Outbox } from '#libs/messaging';
import { PartyQueries } from '../../parties/application/party.queries.js';
import {
  effectiveFromProblem,
  mayChangeShares,
  shareChangeRefusal,
} from '../domain/share-permissions.js';
import { shareProblems, type Share } from '../domain/shares.js';
import { WorkError, WorkErrorCode } from '../domain/work.errors.js';
import { ShareEntity, ShareVersionEntity, WorkEntity } from '../infrastructure/work.entities.js';
import { WorkQueries } from './work.queries.js';
import type { WorkView } from './work-view.js';

export interface UpdateWorkShares {
  workId: string;
  /** Defaults to now. */
  effectiveFrom?: Date;
  shares: Share[];
}

/** A new complete set of shares from `effectiveFrom`, appended to the work's share history. */
@Injectable()
export class UpdateWorkSharesHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly parties: PartyQueries,
    private readonly works: WorkQueries,
  ) {}

  async execute(caller: Caller, input: UpdateWorkShares, correlationId: string): Promise<WorkView> {
    const problems = shareProblems(input.shares);
    if (problems.length)
      throw new WorkError(WorkErrorCode.INVALID_WORK, problems.join('; '), problems);
    const effectiveFrom = input.effectiveFrom ?? new Date();
    const tooEarly = effectiveFromProblem(caller, effectiveFrom, new Date());
    if (tooEarly) throw new WorkError(WorkErrorCode.INVALID_WORK, tooEarly, [tooEarly]);
    await this.dataSource.transaction(async (manager) => {
      // One share change per work at a time.
      const locked = await manager.findOne(WorkEntity, {
        where: { id: input.workId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!locked)
        throw new WorkError(WorkErrorCode.WORK_NOT_FOUND, `work ${input.workId} not found`);
      const work = (await this.works.byId(input.workId, manager))!;
      const currentHolders = work.shareHistory.holdersAt(new Date());
      // The shares this version replaces from effectiveFrom.
      const before = work.shareHistory.asOf(effectiveFrom);
      const holders = await this.parties.byIds(
        [
          ...new Set([
            ...currentHolders,
            ...before.map((s) => s.holderId),
            ...input.shares.map((s) => s.holderId),
          ]),
        ],
        manager,
      );
      const societies = new Set(
        [...currentHolders].flatMap((id) => holders.get(id)?.societyIds ?? []),
      );
      if (!mayChangeShares(caller, currentHolders, societies)) {
        throw new WorkError(
          WorkErrorCode.NOT_ALLOWED,
          `party ${caller.partyId} may not change the shares of work ${input.workId}`,
        );
      }
      const refusal = shareChangeRefusal(caller, before, input.shares, (holderId) =>
        Boolean(holders.get(holderId)?.societyIds.includes(caller.partyId)),
      );
      if (refusal) throw new WorkError(WorkErrorCode.NOT_ALLOWED, refusal);
      for (const { holderId } of input.shares) {
        if (holders.get(holderId)?.kind !== PartyKind.RIGHT_HOLDER) {
          throw new WorkError(
            WorkErrorCode.INVALID_WORK,
            `holder ${holderId} is not a registered right holder`,
          );
        }
      }
      const historyProblem = work.shareHistory.problemWith({ effectiveFrom, shares: input.shares });
      if (historyProblem) throw new WorkError(WorkErrorCode.SHARES_CONFLICT, historyProblem);
      const versionId = randomUUID();
      await manager.insert(ShareVersionEntity, {
        id: versionId,
        workId: input.workId,
        effectiveFrom,
        changedBy: caller.partyId,
      });
      if (input.shares.length)
        await manager.insert(
          ShareEntity,
          input.shares.map((share) => ({ ...share, versionId })),
        );
      await this.outbox.add(manager, [
        {
          definition: WorkSharesChanged,
          aggregateId: input.workId,
          correlationId,
          payload: {
            workId: input.workId,
            effectiveFrom: effectiveFrom.toISOString(),
            shares: input.shares,
            changedBy: caller.partyId,
          },
        },
      ]);
    });
    return (await this.works.byId(input.workId))!;
  }
}
