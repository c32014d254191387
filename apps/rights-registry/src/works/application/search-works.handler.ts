import { Injectable } from '@nestjs/common';
import type { WorkCategory } from '#libs/contracts';
import type { MatchMethod } from '#libs/matching';
import { searchCandidates, searchHits } from '../domain/work-search.js';
import { WorkMatchKeys } from '../infrastructure/work-match-keys.js';
import { WorkQueries } from './work.queries.js';
import type { WorkView } from './work-view.js';

/** A work a search found, how and how close. */
export interface WorkMatchView {
  work: WorkView;
  method: MatchMethod;
  score: number;
}

/**
 * Finds works for a text (searchWorks, matchWorks): an identifier of any scheme first, then
 * the one title matcher (libs/matching) over the registry's titles and creators.
 */
@Injectable()
export class SearchWorksHandler {
  constructor(
    private readonly works: WorkQueries,
    private readonly matchKeys: WorkMatchKeys,
  ) {}

  async execute(text: string, first: number, category?: WorkCategory): Promise<WorkMatchView[]> {
    const identified = await this.works.byIdentifierText(text, category);
    const [matched] = await this.matchKeys.match(
      [{ title: text, category: category ?? null }],
      searchCandidates(first),
    );
    const hits = searchHits(identified, matched?.scored ?? [], first);
    const views = await this.works.byIds(hits.map((hit) => hit.workId));
    return hits.flatMap(({ workId, method, score }) => {
      const work = views.get(workId);
      return work ? [{ work, method, score }] : [];
    });
  }
}
