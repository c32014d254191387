import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { IdentifierScheme, parseIdentifier, type WorkCategory } from '#libs/contracts';
import { ShareHistory } from '../domain/share-history.js';
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
import { holdsShareNow } from '../infrastructure/current-holders.js';
import { disputeViewOf, type DisputeOpenerView, type WorkView } from './work-view.js';

export interface WorksFilter {
  category?: WorkCategory;
  holderId?: string;
  /** With holderId: only works it holds a share in now. */
  currentOnly?: boolean;
}

@Injectable()
export class WorkQueries {
  constructor(private readonly dataSource: DataSource) {}

  async byIds(
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, WorkView>> {
    if (ids.length === 0) return new Map();
    const workIds = In([...ids]);
    // One after the other: inside a transaction the manager has a single connection.
    const works = await manager.findBy(WorkEntity, { id: workIds });
    const titles = await manager.findBy(WorkTitleEntity, { workId: workIds });
    const identifiers = await manager.findBy(WorkIdentifierEntity, { workId: workIds });
    const versions = await manager.findBy(ShareVersionEntity, { workId: workIds });
    const disputes = await manager.findBy(DisputeEntity, {
      workId: workIds,
      status: DisputeStatus.OPEN,
    });
    const shares = versions.length
      ? await manager.findBy(ShareEntity, { versionId: In(versions.map((v) => v.id)) })
      : [];
    return new Map(
      works.map((work) => [
        work.id,
        {
          id: work.id,
          title: work.title,
          category: work.category,
          creatorNames: work.creatorNames,
          alternativeTitles: titles
            .filter((t) => t.workId === work.id)
            .map(({ title, language }) => ({ title, language })),
          identifiers: identifiers
            .filter((i) => i.workId === work.id)
            .map(({ scheme, value }) => ({ scheme, value }))
            .sort((a, b) => (a.scheme + a.value).localeCompare(b.scheme + b.value)),
          shareHistory: new ShareHistory(
            versions
              .filter((v) => v.workId === work.id)
              .map((version) => ({
                effectiveFrom: version.effectiveFrom,
                shares: shares
                  .filter((s) => s.versionId === version.id)
                  .map(({ holderId, rightType, shareBps }) => ({ holderId, rightType, shareBps })),
              })),
          ),
          openDisputes: disputes.filter((d) => d.workId === work.id).map(disputeViewOf),
          createdAt: work.createdAt,
        },
      ]),
    );
  }

  async byId(id: string, manager?: EntityManager): Promise<WorkView | null> {
    return (await this.byIds([id], manager)).get(id) ?? null;
  }

  /** The work; refused as not found when there is none. */
  async get(id: string): Promise<WorkView> {
    const work = await this.byId(id);
    if (!work) throw new WorkError(WorkErrorCode.WORK_NOT_FOUND, `work ${id} not found`);
    return work;
  }

  /** Work ids in id order after `after`, `first` of them plus one to tell whether more follow. */
  async page(filter: WorksFilter, first: number, after?: string): Promise<string[]> {
    const query = this.filtered(filter)
      .select('work.id', 'id')
      .orderBy('work.id')
      .limit(first + 1);
    if (after) query.andWhere('work.id > :after', { after });
    return (await query.getRawMany<{ id: string }>()).map((row) => row.id);
  }

  /** How many works the filter selects. */
  count(filter: WorksFilter): Promise<number> {
    return this.filtered(filter).getCount();
  }

  private filtered(filter: WorksFilter): SelectQueryBuilder<WorkEntity> {
    const query = this.dataSource.createQueryBuilder(WorkEntity, 'work');
    if (filter.category) query.andWhere('work.category = :category', { category: filter.category });
    if (filter.holderId && filter.currentOnly) {
      query.andWhere(holdsShareNow('work.id', 's."holder_id" = :holderId'), {
        holderId: filter.holderId,
      });
    } else if (filter.holderId) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM "rights_registry"."share_versions" v
                   JOIN "rights_registry"."shares" s ON s."version_id" = v."id"
                  WHERE v."work_id" = work.id AND s."holder_id" = :holderId)`,
        { holderId: filter.holderId },
      );
    }
    return query;
  }

  /** Parties that opened disputes since `since`, those that opened most first (at most 100). */
  async disputeOpeners(since: Date): Promise<DisputeOpenerView[]> {
    const rows = await this.dataSource.query<
      {
        openerId: string;
        opened: number;
        stillOpen: number;
        withdrawn: number;
        lastOpenedAt: Date;
      }[]
    >(
      `SELECT d."opened_by" AS "openerId",
              count(*)::int AS opened,
              (count(*) FILTER (WHERE d."status" = $2))::int AS "stillOpen",
              (count(*) FILTER (WHERE d."status" = $3))::int AS withdrawn,
              max(d."opened_at") AS "lastOpenedAt"
         FROM "rights_registry"."disputes" d
        WHERE d."opened_at" >= $1
        GROUP BY d."opened_by"
        ORDER BY opened DESC, d."opened_by"
        LIMIT 100`,
      [since, DisputeStatus.OPEN, DisputeStatus.WITHDRAWN],
    );
    return rows;
  }

  /** Works with an identifier of any scheme (but proprietary ones) equal to `text`, of `category` when given. */
  async byIdentifierText(text: string, category?: WorkCategory): Promise<string[]> {
    const candidates = Object.values(IdentifierScheme).flatMap((scheme) => {
      const parsed = parseIdentifier(scheme, text);
      return parsed.valid && scheme !== IdentifierScheme.PROPRIETARY
        ? [{ scheme, value: parsed.value }]
        : [];
    });
    if (candidates.length === 0) return [];
    const rows = await this.dataSource.manager.findBy(WorkIdentifierEntity, candidates);
    const workIds = [...new Set(rows.map((row) => row.workId))].sort();
    if (!category || workIds.length === 0) return workIds;
    const works = await this.dataSource.manager.findBy(WorkEntity, { id: In(workIds), category });
    return workIds.filter((id) => works.some((work) => work.id === id));
  }
}
