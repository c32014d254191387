import { foundBySearch, MatchMethod, type ScoredWork } from '#libs/matching';

/** A work a search lists, how it was found and how close it is (0..1). */
export interface WorkHit {
  workId: string;
  method: MatchMethod;
  score: number;
}

/** Candidates a search asks the matcher for at the least, whatever `first` is. */
const MIN_CANDIDATES = 20;

/** How many candidates the matcher returns for a search listing `first` works. */
export const searchCandidates = (first: number): number => Math.max(first, MIN_CANDIDATES);

/**
 * What a search lists: works whose identifier is the query first (score 1), then the works the
 * matcher scored at `MATCHING.searchScore` or more or found holding the query (PARTIAL), best
 * first, each work once, at most `first`.
 */
export function searchHits(
  identified: readonly string[],
  scored: readonly ScoredWork[],
  first: number,
): WorkHit[] {
  const hits: WorkHit[] = identified.map((workId) => ({
    workId,
    method: MatchMethod.IDENTIFIER,
    score: 1,
  }));
  const titles = scored
    .filter(foundBySearch)
    .sort((a, b) => b.score - a.score || a.workId.localeCompare(b.workId));
  for (const { workId, method, score } of titles) hits.push({ workId, method, score });
  const seen = new Set<string>();
  return hits.filter((hit) => !seen.has(hit.workId) && seen.add(hit.workId)).slice(0, first);
}
