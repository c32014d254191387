import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { DataSource, type EntityManager } from 'typeorm';
import { AuthorizationConfig } from '#libs/config';
import type { Caller } from '#libs/auth';
import { LicenseGranted, type IdentifierScheme, type WorkCategory } from '#libs/contracts';
import { oncePerKey } from '#libs/database';
import { Outbox } from '#libs/messaging';
import { RegistryViewReader, type ViewWork } from '#libs/registry-view';
import { OptOutViewReader } from '../../opt-out-view/application/opt-out-view.reader.js';
import { SchemeQueries } from '../../schemes/application/scheme.queries.js';
import {
  AuthorizationError,
  AuthorizationErrorCode,
} from '../../shared/domain/authorization.errors.js';
import { decide, type ItemDecision } from '../domain/decision.js';
import {
  checkItems,
  referenceOf,
  type CheckedItem,
  type UseItemRequest,
} from '../domain/use-request.js';
import {
  LicenseEntity,
  LicenseStatus,
  UseRequestEntity,
  UseRequestItemEntity,
} from '../infrastructure/licensing.entities.js';

export interface RequestUseInput {
  idempotencyKey: string;
  items: UseItemRequest[];
}

/**
 * Decides every item of a use request at once (works resolved in a few queries, opt-outs of
 * all their holders in one), records the request, its items and the licenses granted, and
 * publishes license.granted, all in one transaction. A repeat of the idempotency key returns
 * the first request, also when both race.
 */
@Injectable()
export class RequestUseHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly registry: RegistryViewReader,
    private readonly optOuts: OptOutViewReader,
    private readonly schemes: SchemeQueries,
    private readonly config: AuthorizationConfig,
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
    const works = await this.resolveWorks(items, manager);
    const holders = [...works.values()].flatMap((work) =>
      work ? work.versions.flatMap((v) => v.shares.map((s) => s.holderId)) : [],
    );
    const schemes = await this.schemes.active(manager);
    const optOuts = await this.optOuts.ofHolders(holders, manager);
    const decisions = items.map((item, index) => {
      const work = works.get(index) ?? null;
      return decide(item, {
        work,
        unidentifiedReference: referenceOf(item.lookup),
        schemes,
        optOuts,
        optOutViewStale: stale,
      });
    });

    const useRequestId = uuidv7();
    await manager.insert(UseRequestEntity, {
      id: useRequestId,
      platformId: caller.partyId,
      itemCount: items.length,
    });
    const licenses = decisions.flatMap((decision, index) =>
      decision.license
        ? [
            this.licenseOf(
              useRequestId,
              caller,
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
      })),
    );
    await this.outbox.add(
      manager,
      licenses.map((license) => ({
        definition: LicenseGranted,
        aggregateId: license.id,
        correlationId,
        payload: {
          licenseId: license.id,
          platformId: license.platformId,
          useRequestId,
          workId: license.workId,
          unidentifiedReference: license.unidentifiedReference,
          decision: license.decision,
          schemeId: license.schemeId,
          societyId: license.societyId,
          category: license.category,
          useType: license.useType,
          territory: license.territory,
          validFrom: license.validFrom,
          validTo: license.validTo,
          expectedQuantity: license.expectedQuantity,
          fee: { amountMinor: license.feeMinor.toString(), currency: license.currency },
        },
      })),
    );
    return useRequestId;
  }

  /** The work each item names, by position; missing positions were not identified. */
  private async resolveWorks(
    items: CheckedItem[],
    manager: EntityManager,
  ): Promise<Map<number, ViewWork>> {
    const idOf = new Map<number, string>();
    const byIdentifier: { index: number; scheme: IdentifierScheme; value: string }[] = [];
    const byTitle: {
      index: number;
      title: string;
      creator: string | null;
      category: WorkCategory | null;
    }[] = [];
    items.forEach((item, index) => {
      const lookup = item.lookup;
      if (lookup.by === 'id') idOf.set(index, lookup.workId);
      else if (lookup.by === 'identifier')
        byIdentifier.push({ index, scheme: lookup.scheme, value: lookup.value });
      else
        byTitle.push({
          index,
          title: lookup.normalizedTitle,
          creator: lookup.normalizedCreator,
          category: item.category,
        });
    });
    if (byIdentifier.length) {
      const found = await this.registry.byIdentifiers(
        byIdentifier.map(({ scheme, value }) => ({ scheme, value })),
        manager,
      );
      for (const { index, scheme, value } of byIdentifier) {
        const workId = found.get(`${scheme}:${value}`);
        if (workId) idOf.set(index, workId);
      }
    }
    if (byTitle.length) {
      const matches = await this.registry.bestTitleMatches(
        byTitle.map(({ title, creator, category }) => ({
          normalizedTitle: title,
          normalizedCreator: creator,
          category,
        })),
        this.config.TITLE_MATCH_THRESHOLD,
        manager,
      );
      matches.forEach((match, position) => {
        if (match) idOf.set(byTitle[position]!.index, match.workId);
      });
    }
    const works = await this.registry.works([...idOf.values()], manager);
    const resolved = new Map<number, ViewWork>();
    for (const [index, workId] of idOf) {
      const work = works.get(workId);
      if (work) resolved.set(index, work);
    }
    return resolved;
  }

  private licenseOf(
    useRequestId: string,
    caller: Caller,
    item: CheckedItem,
    index: number,
    decision: ItemDecision,
    work: ViewWork | null,
  ): LicenseEntity {
    const scheme = decision.scheme!;
    const license = decision.license!;
    return {
      id: uuidv7(),
      platformId: caller.partyId,
      useRequestId,
      itemIndex: index,
      workId: work?.id ?? null,
      unidentifiedReference: decision.unidentifiedReference,
      decision: decision.decision,
      schemeId: scheme.id,
      societyId: scheme.societyId,
      category: scheme.category,
      useType: item.useType,
      territory: item.territory,
      validFrom: license.validFrom,
      validTo: license.validTo,
      expectedQuantity: item.expectedQuantity,
      feeMinor: license.feeMinor,
      currency: license.currency,
      status: LicenseStatus.ACTIVE,
      revokedFrom: null,
      revokedReason: null,
      optOutId: null,
      createdAt: new Date(),
    };
  }
}
