import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '#libs/auth';
import { oncePerKey } from '#libs/database';
import { RightsRegistryConfig } from '#libs/config';
import { Role, WorkDisputeOpened } from '#libs/contracts';
import { Outbox } from '#libs/messaging';
import { PartyQueries } from '../../parties/application/party.queries.js';
import { claimantOf, disputeLimitRefusal } from '../domain/dispute-permissions.js';
import { likelyDuplicateOf, likelyDuplicateReason } from '../domain/likely-duplicates.js';
import { decideRegistration, type IdentifierConflict } from '../domain/registration.js';
import {
  checkRegistration,
  validateWork,
  type ValidWork,
  type WorkRegistrationInput,
} from '../domain/work-registration.js';
import { WorkError, WorkErrorCode } from '../domain/work.errors.js';
import {
  DisputeEntity,
  DisputeStatus,
  ShareEntity,
  ShareVersionEntity,
  WorkEntity,
  WorkIdentifierEntity,
  WorkTitleEntity,
} from '../infrastructure/work.entities.js';
import { WorkMatchKeys } from '../infrastructure/work-match-keys.js';
import { workRegistered } from './work-registered.js';
import { WorkQueries } from './work.queries.js';
import type { WorkView } from './work-view.js';

const DAY_MS = 86_400_000;

/** How a registration treats a likely duplicate (same title, category and holders). */
export interface RegistrationOptions {
  /** Registers it all the same. */
  confirmDuplicates?: boolean | null;
}

/**
 * Registers a work with its identifiers and shares. An identifier held by a work of the same
 * holders is a duplicate (an error naming that work); one held by a work of other holders opens
 * a dispute on that work, which is returned unchanged, within a daily limit per party. A new
 * work with the same normalized title, category and holders as a registered one is refused as a
 * likely duplicate naming that work, unless the caller confirms it.
 */
@Injectable()
export class RegisterWorkHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly parties: PartyQueries,
    private readonly works: WorkQueries,
    private readonly config: RightsRegistryConfig,
    private readonly matchKeys: WorkMatchKeys,
  ) {}

  async execute(
    caller: Caller,
    input: WorkRegistrationInput & RegistrationOptions,
    correlationId: string,
    idempotencyKey?: string,
  ): Promise<WorkView> {
    const work = validateWork(input);
    const workId = await this.dataSource.transaction((manager) =>
      oncePerKey(
        manager,
        'rights_registry',
        { callerId: caller.partyId, key: idempotencyKey, operation: 'registerWork', body: input },
        () => this.register(manager, caller, work, correlationId, input),
        (message) => new WorkError(WorkErrorCode.KEY_REUSED, message),
      ),
    );
    return (await this.works.byId(workId))!;
  }

  /**
   * Registers one work in the caller's transaction; returns the id of the work it concerns.
   */
  async register(
    manager: EntityManager,
    caller: Caller,
    work: ValidWork,
    correlationId: string,
    options: RegistrationOptions = {},
  ): Promise<string> {
    const holders = await this.parties.byIds(
      [...new Set(work.shares.map((s) => s.holderId))],
      manager,
    );
    checkRegistration(caller, work.shares, holders);
    // Registrations of the same identifier wait for each other.
    for (const { scheme, value } of work.identifiers) {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `work-identifier:${scheme}:${value}`,
      ]);
    }
    const conflicts = await this.conflicts(manager, work);
    const outcome = decideRegistration([...new Set(work.shares.map((s) => s.holderId))], conflicts);
    const now = new Date();
    if (outcome.kind === 'duplicate') {
      const { scheme, value, workId } = outcome.conflict;
      const existing = await manager.findOneBy(WorkEntity, { id: workId });
      throw new WorkError(
        WorkErrorCode.DUPLICATE_IDENTIFIER,
        `${scheme} ${value} is already registered to work ${workId} (${existing?.title ?? 'unknown title'})`,
      );
    }
    if (outcome.kind === 'dispute') {
      const { workId, holderIds } = outcome.conflict;
      const claimedHolders = [...new Set(work.shares.map((s) => s.holderId))];
      const claimantId = claimantOf(caller, claimedHolders);
      await this.checkDisputeLimit(manager, caller, claimantId, now);
      const disputeId = randomUUID();
      const partyIds = [...new Set([...holderIds, ...claimedHolders, caller.partyId])];
      await manager.insert(DisputeEntity, {
        id: disputeId,
        workId,
        status: DisputeStatus.OPEN,
        reason: outcome.reason,
        claimantId,
        openedBy: caller.partyId,
        claimedShares: work.shares,
        partyIds,
        openedAt: now,
        resolvedAt: null,
        resolvedBy: null,
        resolution: null,
        answer: null,
        answeredBy: null,
        answeredAt: null,
      });
      await this.outbox.add(manager, [
        {
          definition: WorkDisputeOpened,
          aggregateId: workId,
          correlationId,
          payload: {
            workId,
            disputeId,
            reason: outcome.reason,
            partyIds,
            openedAt: now.toISOString(),
          },
        },
      ]);
      return workId;
    }
    if (!options.confirmDuplicates) await this.refuseLikelyDuplicate(manager, work, now);
    const workId = randomUUID();
    await manager.insert(WorkEntity, {
      id: workId,
      title: work.title,
      normalizedTitle: work.normalizedTitle,
      category: work.category,
      creatorNames: work.creatorNames,
      normalizedCreators: work.normalizedCreators,
      registeredBy: caller.partyId,
    });
    if (work.alternativeTitles.length) {
      await manager.insert(
        WorkTitleEntity,
        work.alternativeTitles.map((alternative) => ({ id: randomUUID(), workId, ...alternative })),
      );
    }
    await this.matchKeys.write(manager, [
      {
        workId,
        category: work.category,
        title: work.title,
        alternativeTitles: work.alternativeTitles.map((alternative) => alternative.title),
        creatorNames: work.creatorNames,
      },
    ]);
    if (work.identifiers.length) {
      await manager.insert(
        WorkIdentifierEntity,
        work.identifiers.map((identifier) => ({ ...identifier, workId })),
      );
    }
    const versionId = randomUUID();
    await manager.insert(ShareVersionEntity, {
      id: versionId,
      workId,
      effectiveFrom: now,
      changedBy: caller.partyId,
    });
    if (work.shares.length)
      await manager.insert(
        ShareEntity,
        work.shares.map((share) => ({ ...share, versionId })),
      );
    await this.outbox.add(manager, [
      workRegistered(workId, work, caller.partyId, now, correlationId),
    ]);
    return workId;
  }

  /**
   * Refuses a dispute past the daily limit of the caller or of the claimant. Disputes opened by
   * or for one party are counted under a lock on that party, so concurrent registrations cannot
   * both pass the limit.
   */
  private async checkDisputeLimit(
    manager: EntityManager,
    caller: Caller,
    claimantId: string,
    now: Date,
  ): Promise<void> {
    if (caller.role === Role.OPERATOR) return;
    const partyIds = [...new Set([caller.partyId, claimantId])].sort();
    for (const partyId of partyIds) {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `dispute-opener:${partyId}`,
      ]);
    }
    const rows = await manager.query<{ opened: number }[]>(
      `SELECT count(d.id)::int AS opened
         FROM unnest($1::uuid[]) AS p(id)
         LEFT JOIN "rights_registry"."disputes" d
           ON (d."opened_by" = p.id OR d."claimant_id" = p.id) AND d."opened_at" > $2
        GROUP BY p.id`,
      [partyIds, new Date(now.getTime() - DAY_MS)],
    );
    const refusal = disputeLimitRefusal(
      caller,
      Math.max(0, ...rows.map((row) => row.opened)),
      this.config.DISPUTES_PER_DAY,
    );
    if (refusal) throw new WorkError(WorkErrorCode.TOO_MANY_DISPUTES, refusal);
  }

  /**
   * Refuses a work with the same normalized title, category and holders now as a registered
   * one. Registrations of one title in one category wait for each other, so two racing
   * registrations of the same work cannot both pass.
   */
  private async refuseLikelyDuplicate(
    manager: EntityManager,
    work: ValidWork,
    now: Date,
  ): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `work-title:${work.category}:${work.normalizedTitle}`,
    ]);
    const sameTitle = await manager.findBy(WorkEntity, {
      normalizedTitle: work.normalizedTitle,
      category: work.category,
    });
    if (sameTitle.length === 0) return;
    const views = await this.works.byIds(
      sameTitle.map((candidate) => candidate.id),
      manager,
    );
    const existing = likelyDuplicateOf(
      { ...work, holderIds: work.shares.map((share) => share.holderId) },
      sameTitle.map((candidate) => ({
        ...candidate,
        holderIds: views.get(candidate.id)?.shareHistory.holdersAt(now) ?? [],
      })),
    );
    if (existing) {
      throw new WorkError(WorkErrorCode.LIKELY_DUPLICATE, likelyDuplicateReason(existing));
    }
  }

  private async conflicts(manager: EntityManager, work: ValidWork): Promise<IdentifierConflict[]> {
    if (work.identifiers.length === 0) return [];
    const existing = await manager.findBy(WorkIdentifierEntity, work.identifiers);
    if (existing.length === 0) return [];
    const views = await this.works.byIds([...new Set(existing.map((e) => e.workId))], manager);
    const now = new Date();
    return existing.map(({ workId, scheme, value }) => ({
      workId,
      scheme,
      value,
      holderIds: [...(views.get(workId)?.shareHistory.holdersAt(now) ?? [])],
    }));
  }
}
