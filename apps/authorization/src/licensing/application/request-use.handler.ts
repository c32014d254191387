import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '#libs/auth';
import { LicenseGranted } from '#libs/contracts';
import { oncePerKey } from '#libs/database';
import { Outbox } from '#libs/messaging';
import { OptOutViewReader } from '../../opt-out-view/application/opt-out-view.reader.js';
import {
  AuthorizationError,
  AuthorizationErrorCode,
} from '../../shared/domain/authorization.errors.js';
import { checkItems, type CheckedItem, type UseItemRequest } from '../domain/use-request.js';
import {
  LicenseEntity,
  UseRequestEntity,
  UseRequestItemEntity,
} from '../infrastructure/licensing.entities.js';
import { ItemDecider, grantedPayload, licenseOf } from './item-decider.js';

export interface RequestUseInput {
  idempotencyKey: string;
  items: UseItemRequest[];
}

/**
 * Decides every item of a use request at once, records the request, its items and the licenses
 * granted, and publishes license.granted, all in one transaction. An item PENDING because the
 * opt-out view is behind keeps the item as asked, to be decided again (PendingRedecider). A
 * repeat of the idempotency key returns the first request, also when both race.
 */
@Injectable()
export class RequestUseHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly optOuts: OptOutViewReader,
    private readonly decider: ItemDecider,
  ) {}

  async execute(caller: Caller, input: RequestUseInput, correlationId: string): Promise<string> {
    const checked = checkItems(input.items);
    if ('problems' in checked) {
      throw new AuthorizationError(
        AuthorizationErrorCode.INVALID_REQUEST,
        checked.problems.slice(0, 20).join('; '),
        checked.problems,
      );
    }
    // Outside the transaction: it reads the event log, and must not hold a second connection.
    const stale = await this.optOuts.isStale();
    return this.dataSource.transaction((manager) =>
      oncePerKey(
        manager,
        'authorization',
        {
          callerId: caller.partyId,
          key: input.idempotencyKey,
          operation: 'requestUse',
          body: input.items,
        },
        () => this.decideAndRecord(manager, caller, checked.items, correlationId, stale),
        (message) => new AuthorizationError(AuthorizationErrorCode.KEY_REUSED, message),
      ),
    );
  }

  private async decideAndRecord(
    manager: EntityManager,
    caller: Caller,
    items: CheckedItem[],
    correlationId: string,
    stale: boolean,
  ): Promise<string> {
    const { decisions, works, matches, candidates } = await this.decider.decide(
      items,
      manager,
      stale,
    );
    const useRequestId = uuidv7();
    await manager.insert(UseRequestEntity, {
      id: useRequestId,
      platformId: caller.partyId,
      itemCount: items.length,
    });
    const licenses = decisions.flatMap((decision, index) =>
      decision.license
        ? [
            licenseOf(
              useRequestId,
              caller.partyId,
              items[index]!,
              index,
              decision,
              works.get(index) ?? null,
            ),
          ]
        : [],
    );
    const licenseByIndex = new Map(licenses.map((license) => [license.itemIndex, license.id]));
    if (licenses.length) await manager.insert(LicenseEntity, licenses);
    await manager.insert(
      UseRequestItemEntity,
      decisions.map((decision, index) => ({
        useRequestId,
        index,
        decision: decision.decision,
        reason: decision.reason,
        workId: works.get(index)?.id ?? null,
        licenseId: licenseByIndex.get(index) ?? null,
        contactHolderIds: decision.contactHolderIds,
        unidentifiedReference: decision.unidentifiedReference,
        matchMethod: matches.get(index)?.method ?? null,
        matchScore: matches.get(index)?.score ?? null,
        candidates: (candidates.get(index) ?? []).map(({ candidate }) => candidate),
        awaitingOptOuts: decision.awaitsOptOutView ? items[index]! : null,
      })),
    );
    await this.outbox.add(
      manager,
      licenses.map((license) => ({
        definition: LicenseGranted,
        aggregateId: license.id,
        correlationId,
        payload: grantedPayload(license),
      })),
    );
    return useRequestId;
  }
}
