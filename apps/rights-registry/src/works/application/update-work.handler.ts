import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/auth';
import { WorkUpdated } from '#libs/contracts';
import { Outbox } from '#libs/messaging';
import { PartyQueries } from '../../parties/application/party.queries.js';
import { mayChangeShares } from '../domain/share-permissions.js';
import { validateWorkNames, type WorkNamesInput } from '../domain/work-registration.js';
import { WorkError, WorkErrorCode } from '../domain/work.errors.js';
import { WorkMatchKeys } from '../infrastructure/work-match-keys.js';
import { WorkEntity, WorkTitleEntity } from '../infrastructure/work.entities.js';
import { WorkQueries } from './work.queries.js';
import type { WorkView } from './work-view.js';

export interface UpdateWork extends WorkNamesInput {
  workId: string;
}

/**
 * Changes a work's title, alternative titles or creators (those given; the rest stays), by
 * whoever may change the work's shares. The match keys and the work.updated event are written
 * in the same transaction.
 */
@Injectable()
export class UpdateWorkHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly parties: PartyQueries,
    private readonly works: WorkQueries,
    private readonly matchKeys: WorkMatchKeys,
  ) {}

  async execute(caller: Caller, input: UpdateWork, correlationId: string): Promise<WorkView> {
    const names = validateWorkNames(input);
    await this.dataSource.transaction(async (manager) => {
      const locked = await manager.findOne(WorkEntity, {
        where: { id: input.workId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!locked)
        throw new WorkError(WorkErrorCode.WORK_NOT_FOUND, `work ${input.workId} not found`);
      const before = (await this.works.byId(input.workId, manager))!;
      const currentHolders = before.shareHistory.holdersAt(new Date());
      const holders = await this.parties.byIds([...currentHolders], manager);
      const societies = new Set(
        [...currentHolders].flatMap((id) => holders.get(id)?.societyIds ?? []),
      );
      if (!mayChangeShares(caller, currentHolders, societies)) {
        throw new WorkError(
          WorkErrorCode.NOT_ALLOWED,
          `party ${caller.partyId} may not change work ${input.workId}`,
        );
      }
      const { alternativeTitles, ...columns } = names;
      if (Object.keys(columns).length)
        await manager.update(WorkEntity, { id: input.workId }, columns);
      if (alternativeTitles) {
        await manager.delete(WorkTitleEntity, { workId: input.workId });
        if (alternativeTitles.length)
          await manager.insert(
            WorkTitleEntity,
            alternativeTitles.map((alternative) => ({
              id: randomUUID(),
              workId: input.workId,
              ...alternative,
            })),
          );
      }
      const after = (await this.works.byId(input.workId, manager))!;
      const alternatives = after.alternativeTitles.map((alternative) => alternative.title);
      await this.matchKeys.write(manager, [
        {
          workId: after.id,
          category: after.category,
          title: after.title,
          alternativeTitles: alternatives,
          creatorNames: after.creatorNames,
        },
      ]);
      await this.outbox.add(manager, [
        {
          definition: WorkUpdated,
          aggregateId: after.id,
          correlationId,
          payload: {
            workId: after.id,
            title: after.title,
            alternativeTitles: alternatives,
            creatorNames: after.creatorNames,
            identifiers: after.identifiers,
          },
        },
      ]);
    });
    return (await this.works.byId(input.workId))!;
  }
}
