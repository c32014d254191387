import { describe, expect, it } from '@jest/globals';
import { MATCHING, MatchMethod, type ScoredWork } from '#libs/matching';
import { searchCandidates, searchHits } from './work-search.js';

const scored = (workId: string, method: MatchMethod, score: number): ScoredWork => ({
  workId,
  method,
  score,
  creator: 'NONE',
  holdsTitle: false,
  titleScore: score,
});

describe(searchHits.name, () => {
  it('should list works found by identifier first, then titles best first', () => {
    const hits = searchHits(
      ['id-work'],
      [scored('b', MatchMethod.FUZZY, 0.5), scored('a', MatchMethod.EXACT_TITLE, 1)],
      10,
    );

    expect(hits).toEqual([
      { workId: 'id-work', method: MatchMethod.IDENTIFIER, score: 1 },
      { workId: 'a', method: MatchMethod.EXACT_TITLE, score: 1 },
      { workId: 'b', method: MatchMethod.FUZZY, score: 0.5 },
    ]);
  });

  it('should leave out titles below the search score unless they hold the query', () => {
    const below = MATCHING.searchScore - 0.01;

    const hits = searchHits(
      [],
      [scored('far', MatchMethod.FUZZY, below), scored('part', MatchMethod.PARTIAL, below)],
      10,
    );

    expect(hits.map((hit) => hit.workId)).toEqual(['part']);
  });

  it('should list a work found by identifier and by title once, as found by identifier', () => {
    const hits = searchHits(['a'], [scored('a', MatchMethod.EXACT_TITLE, 1)], 10);

    expect(hits).toEqual([{ workId: 'a', method: MatchMethod.IDENTIFIER, score: 1 }]);
  });

  it('should list at most first works', () => {
    const hits = searchHits(
      ['x'],
      [scored('a', MatchMethod.FUZZY, 0.9), scored('b', MatchMethod.FUZZY, 0.8)],
      2,
    );

    expect(hits.map((hit) => hit.workId)).toEqual(['x', 'a']);
  });
});

describe(searchCandidates.name, () => {
  it('should ask for at least twenty candidates, and for first when it is more', () => {
    expect(searchCandidates(1)).toBe(20);
    expect(searchCandidates(50)).toBe(50);
  });
});
