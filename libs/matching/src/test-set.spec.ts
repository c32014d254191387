import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  evaluate,
  precisionOf,
  readTitlePairs,
  recallOf,
  scorePairs,
  TARGETS,
  type Evaluation,
} from '../../../bench/matching/evaluate.js';

/**
 * The matcher on the title-pair test set (bench/matching/title-pairs.tsv), in memory, with the
 * shipped thresholds: what docs/BENCHMARKS.md reports, held as the floor.
 */
describe('the title-pair test set', () => {
  let evaluation: Evaluation;

  beforeAll(async () => {
    const pairs = await readTitlePairs();
    evaluation = evaluate(await scorePairs(pairs));
  });

  it('should hold at least 500 pairs of each language', () => {
    expect(evaluation.overall.pairs).toBeGreaterThanOrEqual(500);
    expect([...evaluation.byLanguage.keys()]).toEqual(expect.arrayContaining(['ja', 'en']));
  });

  it('should never leave an opted-out work unidentified for a query that means it', () => {
    const falseGrants = evaluation.decided
      .filter((decided) => decided.verdict === 'FALSE_GRANT')
      .map(({ pair }) => `line ${pair.pair.line}: ${pair.pair.query} for ${pair.pair.registered}`);
    expect(falseGrants).toEqual([]);
  });

  it(`should decide at least ${TARGETS.recall} of the same works written differently as their work`, () => {
    expect(recallOf(evaluation.overall)).toBeGreaterThanOrEqual(TARGETS.recall);
  });

  it(`should be right in at least ${TARGETS.precision} of its certain matches`, () => {
    expect(precisionOf(evaluation.overall)).toBeGreaterThanOrEqual(TARGETS.precision);
  });
});
