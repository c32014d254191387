import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  IdentifierScheme,
  normalizeTitle,
  parseIdentifier,
  type WorkCategory,
} from '#libs/contracts';
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
import type { DisputeOpenerView, WorkView } from './work-view.js';

export interface WorksFilter {
  category?: WorkCategory;
  holderId?: string;
}

/** Similarity below which a title does not count as a match. */
export const SEARCH_THRESHOLD = 0.3;
/** Similarity of the first, fast pass of a search. */
export const STRICT_SEARCH_THRESHOLD = 0.6;

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
          openDisputes: disputes
            .filter((d) => d.workId === work.id)
            .map(
              ({ id, reason, claimantId, openedBy, openedAt, answer, answeredBy, answeredAt }) => ({
                id,
                reason,
                claimantId,
                openedBy,
                openedAt,
                answer,
                answeredBy,
                answeredAt,
              }),
            ),
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
    const query = this.dataSource
      .createQueryBuilder(WorkEntity, 'work')
      .select('work.id', 'id')
      .orderBy('work.id')
      .limit(first + 1);
    if (filter.category) query.andWhere('work.category = :category', { category: filter.category });
    if (after) query.andWhere('work.id > :after', { after });
    if (filter.holderId) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM "rights_registry"."share_versions" v
                   JOIN "rights_registry"."shares" s ON s."version_id" = v."id"
                  WHERE v."work_id" = work.id AND s."holder_id" = :holderId)`,
        { holderId: filter.holderId },
      );
    }
    return (await query.getRawMany<{ id: string }>()).map((row) => row.id);
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

  /**
   * Works matching `text`: an identifier of any scheme matches exactly and comes first; then
   * titles and alternative titles by trigram similarity of their normalized forms.
   */
  async search(
    text: string,
    first: number,
    category?: WorkCategory,
  ): Promise<{ id: string; score: number }[]> {
    const exact = await this.byIdentifierText(text);
    const normalized = normalizeTitle(text);
    let ranked: { id: string; score: number }[] = [];
    // Close matches first: a high threshold lets the trigram index discard most rows itself.
    // Only when nothing is that close does the search widen to the usual threshold.
    for (const threshold of [STRICT_SEARCH_THRESHOLD, SEARCH_THRESHOLD]) {
      if (!normalized) break;
      ranked = await this.titlesLike(normalized, first, threshold, category);
      if (ranked.length > 0) break;
    }
    const seen = new Set(exact);
    return [
      ...exact.map((id) => ({ id, score: 1 })),
      ...ranked.filter((row) => !seen.has(row.id)),
    ].slice(0, first);
  }

  private titlesLike(
    normalized: string,
    first: number,
    threshold: number,
    category?: WorkCategory,
  ): Promise<{ id: string; score: number }[]> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [
        String(threshold),
      ]);
      return manager.query<{ id: string; score: number }[]>(
        `SELECT id, max(score)::float8 AS score FROM (
           SELECT w.id, public.similarity(w.normalized_title, $1) AS score
             FROM "rights_registry"."works" w
            WHERE w.normalized_title OPERATOR(public.%) $1 AND ($2::text IS NULL OR w.category = $2)
           UNION ALL
           SELECT t.work_id, public.similarity(t.normalized_title, $1)
             FROM "rights_registry"."work_titles" t JOIN "rights_registry"."works" w ON w.id = t.work_id
            WHERE t.normalized_title OPERATOR(public.%) $1 AND ($2::text IS NULL OR w.category = $2)
         ) matches
         GROUP BY id ORDER BY score DESC, id LIMIT $3`,
        [normalized, category ?? null, first],
      );
    });
  }

  private async byIdentifierText(text: string): Promise<string[]> {
    const candidates = Object.values(IdentifierScheme).flatMap((scheme) => {
      const parsed = parseIdentifier(scheme, text);
      return parsed.valid && scheme !== IdentifierScheme.PROPRIETARY
        ? [{ scheme, value: parsed.value }]
        : [];
    });
    if (candidates.length === 0) return [];
    const rows = await this.dataSource.manager.findBy(WorkIdentifierEntity, candidates);
    return [...new Set(rows.map((row) => row.workId))];
  }
}
