import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  WorkRegistered,
  WorkUpdated,
  type IdentifierDto,
  type WorkCategory,
} from '#libs/contracts';
import { titleKeysOf } from '#libs/matching';
import { Messaging, handlerFor } from '#libs/messaging';
import { RegistryViewReader, registryViewMatchKeys } from '#libs/registry-view';
import { IDENTIFIED, LINE_CREATOR, LINE_TITLE } from '../infrastructure/usage-sql.js';

/** A work as registered or updated: what re-matching compares lines with. */
interface WorkNamed {
  workId: string;
  /** Unknown for an update of a work the view does not have yet. */
  category?: WorkCategory;
  titles: string[];
  creatorNames: string[];
  identifiers: readonly IdentifierDto[];
}

/** Lines re-matching may still give a work: without one, and not paid by an approved batch. */
const OPEN = `u.work_id IS NULL AND u.batch_id IS NULL`;

/**
 * Matches usage lines still without a work to a newly registered (or retitled) work: by
 * identifier or by the work id a platform named, and by title through the one matcher, until
 * an approved batch has paid them. A batch calculated before the match counts them when it
 * is recalculated.
 *
 * The matcher reads the registry view's match keys, which the view's own consumer writes:
 * this consumer may run first, so it writes the work's keys itself, with the same `replace`
 * (a replay, or the view's consumer, writes the same keys again). Sharing the view's consumer
 * instead would tie re-matching to the library's handlers and their order.
 */
@Injectable()
export class Rematch implements OnModuleInit {
  private readonly matchKeys = registryViewMatchKeys('royalty_distribution');

  constructor(
    private readonly messaging: Messaging,
    private readonly registry: RegistryViewReader,
  ) {}

  onModuleInit(): void {
    this.messaging.register('royalty-distribution.rematch', [
      handlerFor(WorkRegistered, ({ payload }, manager) =>
        this.rematch(
          {
            workId: payload.workId,
            category: payload.category,
            titles: [payload.title, ...(payload.alternativeTitles ?? [])],
            creatorNames: payload.creatorNames,
            identifiers: payload.identifiers,
          },
          manager,
        ),
      ),
      handlerFor(WorkUpdated, async ({ payload }, manager) => {
        // The category is not in the event: the view has it once the work is registered there
        // (until then its titles wait for the view's keys, written from the same events).
        const [work] = await manager.query<{ category: WorkCategory }[]>(
          `SELECT category FROM royalty_distribution.rv_works WHERE id = $1`,
          [payload.workId],
        );
        await this.rematch(
          {
            workId: payload.workId,
            category: work?.category,
            titles: [payload.title, ...payload.alternativeTitles],
            creatorNames: payload.creatorNames,
            identifiers: payload.identifiers,
          },
          manager,
        );
      }),
    ]);
  }

  private async rematch(work: WorkNamed, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE royalty_distribution.usage_lines u
       SET work_id = $1::uuid, unidentified_reference = NULL, match_method = $3,
           match_score = $4, title_compact = NULL, title_reading = NULL
       WHERE ${OPEN}
         AND (u.identifier_key = ANY ($2::text[]) OR u.unidentified_reference = 'work:' || $1::text)`,
      [
        work.workId,
        work.identifiers.map((identifier) => `${identifier.scheme}:${identifier.value}`),
        IDENTIFIED.method,
        IDENTIFIED.score,
      ],
    );
    if (!work.category) return;
    await this.matchKeys.replace(manager, [
      {
        workId: work.workId,
        category: work.category,
        titles: work.titles,
        creators: work.creatorNames,
      },
    ]);
    await this.rematchTitles(work, manager);
  }

  /**
   * Lines whose title has one of the work's keys (the same compact form or reading) are
   * matched again, each distinct title once; those now certainly the work's get it.
   */
  private async rematchTitles(work: WorkNamed, manager: EntityManager): Promise<void> {
    const keys = await titleKeysOf(work.titles);
    const compacts = keys.map((key) => key.compact).filter(Boolean);
    const readings = keys.map((key) => key.reading).filter(Boolean);
    const near = `${OPEN} AND (u.title_compact = ANY ($1::text[]) OR u.title_reading = ANY ($2::text[]))`;
    const queries = await manager.query<
      { title: string; creator: string | null; category: WorkCategory }[]
    >(
      `SELECT DISTINCT ${LINE_TITLE} AS title, ${LINE_CREATOR} AS creator, u.category
       FROM royalty_distribution.usage_lines u
       WHERE ${near} AND ${LINE_TITLE} IS NOT NULL`,
      [compacts, readings],
    );
    if (queries.length === 0) return;
    const matched = (await this.registry.matchTitles(queries, manager)).flatMap(
      ({ decision }, index) =>
        decision.outcome === 'MATCHED' && decision.match.workId === work.workId
          ? [{ ...queries[index]!, match: decision.match }]
          : [],
    );
    if (matched.length === 0) return;
    await manager.query(
      `UPDATE royalty_distribution.usage_lines u
       SET work_id = $3::uuid, unidentified_reference = NULL, match_method = m.method,
           match_score = m.score, title_compact = NULL, title_reading = NULL
       FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::real[])
         AS m(title, creator, category, method, score)
       WHERE ${near} AND ${LINE_TITLE} = m.title
         AND ${LINE_CREATOR} IS NOT DISTINCT FROM m.creator AND u.category = m.category`,
      [
        compacts,
        readings,
        work.workId,
        matched.map((line) => line.title),
        matched.map((line) => line.creator),
        matched.map((line) => line.category),
        matched.map((line) => line.match.method),
        matched.map((line) => line.match.score),
      ],
    );
  }
}
