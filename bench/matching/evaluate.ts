import { readFile } from 'node:fs/promises';
import {
  decideMatch,
  MATCHING,
  scoreWork,
  titleKeysOf,
  type DecisionThresholds,
  type MatchDecision,
  type ScoredWork,
  type TitleKeys,
  type WorkKeys,
} from '#libs/matching';

/**
 * The title-pair test set of the matcher: each pair is a registered title (with its creator)
 * and a query someone might send for it. SAME: the query means that work, written another
 * way. DIFFERENT: another work with a similar title.
 */
export const TITLE_PAIRS_FILE = 'bench/matching/title-pairs.tsv';

export type PairKind = 'SAME' | 'DIFFERENT';

export interface TitlePair {
  /** Line of the file (1 is the header). */
  line: number;
  kind: PairKind;
  language: string;
  variant: string;
  registered: string;
  registeredCreator: string;
  query: string;
  queryCreator: string;
}

const COLUMNS = [
  'kind',
  'language',
  'variant',
  'registered',
  'registered_creator',
  'query',
  'query_creator',
] as const;

/** Reads the tab-separated set: a header, `#` comment lines, one pair a line. */
export function parseTitlePairs(text: string): TitlePair[] {
  const pairs: TitlePair[] = [];
  let header = false;
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = index + 1;
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    const cells = raw.split('\t');
    if (!header) {
      if (cells.join('\t') !== COLUMNS.join('\t'))
        throw new Error(`line ${line}: the header must be ${COLUMNS.join(' ')}`);
      header = true;
      continue;
    }
    const [kind, language, variant, registered, registeredCreator, query, queryCreator] = cells;
    if (cells.length !== COLUMNS.length || (kind !== 'SAME' && kind !== 'DIFFERENT'))
      throw new Error(`line ${line}: expected ${COLUMNS.length} cells, kind SAME or DIFFERENT`);
    if (!registered || !query) throw new Error(`line ${line}: registered and query are required`);
    pairs.push({
      line,
      kind,
      language: language!,
      variant: variant!,
      registered,
      registeredCreator: registeredCreator ?? '',
      query,
      queryCreator: queryCreator ?? '',
    });
  }
  return pairs;
}

export async function readTitlePairs(file = TITLE_PAIRS_FILE): Promise<TitlePair[]> {
  return parseTitlePairs(await readFile(file, 'utf8'));
}

/** A registered work of the corpus: every distinct (title, creator) of the set, all opted out. */
export interface CorpusWork {
  workId: string;
  title: string;
  creator: string;
}

/**
 * The corpus of the set: one work per distinct (registered, registered_creator). A row that
 * leaves registered_creator empty names the work of that title the set gives a creator
 * elsewhere (the set writes the creator on some rows of a work only), when there is one.
 */
export function corpusOf(pairs: readonly TitlePair[]): CorpusWork[] {
  const creators = new Map<string, Set<string>>();
  for (const pair of pairs) {
    const named = creators.get(pair.registered) ?? new Set<string>();
    if (pair.registeredCreator) named.add(pair.registeredCreator);
    creators.set(pair.registered, named);
  }
  const works = new Map<string, CorpusWork>();
  for (const pair of pairs) {
    const key = workKey(pair.registered, registeredCreatorOf(pair, creators));
    if (!works.has(key))
      works.set(key, {
        workId: workIdOf(works.size),
        title: pair.registered,
        creator: registeredCreatorOf(pair, creators),
      });
  }
  return [...works.values()];
}

function registeredCreatorOf(pair: TitlePair, creators: Map<string, Set<string>>): string {
  const named = creators.get(pair.registered);
  return pair.registeredCreator || (named?.size === 1 ? [...named][0]! : '');
}

const workKey = (title: string, creator: string): string => `${title}\u0000${creator}`;

/** A UUID per corpus work, so the SQL table can hold them. */
export const workIdOf = (index: number): string =>
  `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;

/** What a decision means for a pair. */
export type Verdict =
  /** SAME decided as its work (or DIFFERENT decided as the work it names exactly). */
  | 'CORRECT'
  /** Decided as a work the query does not mean: a wrong license. */
  | 'WRONG_MATCH'
  /** Candidates, no decision: the request waits (safe, never a grant). */
  | 'PENDING'
  /** SAME decided NONE: GRANTED_ECL_UNIDENTIFIED on an opted-out work. */
  | 'FALSE_GRANT'
  /** DIFFERENT decided NONE: the unregistered work is rightly unidentified. */
  | 'UNIDENTIFIED';

export interface ScoredPair {
  pair: TitlePair;
  /** The work the query means, if it is in the corpus. */
  expected?: string;
  /** The query scored against every work of the corpus, best first. */
  scored: ScoredWork[];
}

/**
 * Scores every query against every work of the corpus in memory (`titleKeysOf`, `scoreWork`),
 * the way the database's candidates are scored, without the database's retrieval.
 */
export async function scorePairs(
  pairs: readonly TitlePair[],
  corpus: readonly CorpusWork[] = corpusOf(pairs),
): Promise<ScoredPair[]> {
  const keys = await titleKeysOf([
    ...corpus.flatMap((work) => [work.title, work.creator]),
    ...pairs.flatMap((pair) => [pair.query, pair.queryCreator]),
  ]);
  const works: WorkKeys[] = corpus.map((work, index) => ({
    workId: work.workId,
    titles: [keys[index * 2]!],
    creators: work.creator ? [keys[index * 2 + 1]!] : [],
  }));
  const ids = new Map(corpus.map((work) => [workKey(work.title, work.creator), work.workId]));
  const creators = new Map<string, Set<string>>();
  for (const work of corpus) {
    const named = creators.get(work.title) ?? new Set<string>();
    if (work.creator) named.add(work.creator);
    creators.set(work.title, named);
  }
  const offset = corpus.length * 2;
  return pairs.map((pair, index) => {
    const query: TitleKeys = keys[offset + index * 2]!;
    const creator = pair.queryCreator ? keys[offset + index * 2 + 1]! : null;
    const scored = works
      .map((work) => scoreWork(query, work, creator))
      .filter((work) => work.score > 0)
      .sort((a, b) => b.score - a.score || a.workId.localeCompare(b.workId));
    const expected =
      pair.kind === 'SAME'
        ? ids.get(workKey(pair.registered, registeredCreatorOf(pair, creators)))
        : ids.get(workKey(pair.query, pair.queryCreator));
    return { pair, ...(expected ? { expected } : {}), scored };
  });
}

/** The verdict of a decision on a pair. */
export function verdictOf(pair: ScoredPair, decision: MatchDecision): Verdict {
  if (decision.outcome === 'MATCHED')
    return decision.match.workId === pair.expected ? 'CORRECT' : 'WRONG_MATCH';
  if (decision.outcome === 'AMBIGUOUS') return 'PENDING';
  return pair.pair.kind === 'SAME' ? 'FALSE_GRANT' : 'UNIDENTIFIED';
}

export interface Tally {
  pairs: number;
  same: number;
  different: number;
  /** SAME pairs decided as their work. */
  truePositives: number;
  /** Every MATCHED decision. */
  matched: number;
  /** MATCHED decisions that are right (SAME as its work, DIFFERENT as the work it names). */
  correct: number;
  wrongMatches: number;
  samePending: number;
  differentPending: number;
  falseGrants: number;
  unidentified: number;
}

export const emptyTally = (): Tally => ({
  pairs: 0,
  same: 0,
  different: 0,
  truePositives: 0,
  matched: 0,
  correct: 0,
  wrongMatches: 0,
  samePending: 0,
  differentPending: 0,
  falseGrants: 0,
  unidentified: 0,
});

export function addVerdict(tally: Tally, pair: TitlePair, verdict: Verdict): void {
  tally.pairs++;
  const same = pair.kind === 'SAME';
  if (same) tally.same++;
  else tally.different++;
  if (verdict === 'CORRECT' || verdict === 'WRONG_MATCH') tally.matched++;
  if (verdict === 'CORRECT') tally.correct++;
  if (verdict === 'CORRECT' && same) tally.truePositives++;
  if (verdict === 'WRONG_MATCH') tally.wrongMatches++;
  if (verdict === 'PENDING' && same) tally.samePending++;
  if (verdict === 'PENDING' && !same) tally.differentPending++;
  if (verdict === 'FALSE_GRANT') tally.falseGrants++;
  if (verdict === 'UNIDENTIFIED') tally.unidentified++;
}

/** Correct decisions among all MATCHED (1 when nothing was matched). */
export const precisionOf = (tally: Tally): number =>
  tally.matched === 0 ? 1 : tally.correct / tally.matched;

/** SAME pairs decided as their work, among all SAME pairs. */
export const recallOf = (tally: Tally): number =>
  tally.same === 0 ? 1 : tally.truePositives / tally.same;

export interface Evaluation {
  thresholds: DecisionThresholds;
  overall: Tally;
  byLanguage: Map<string, Tally>;
  byVariant: Map<string, Tally>;
  /** Each pair with its decision and verdict. */
  decided: { pair: ScoredPair; decision: MatchDecision; verdict: Verdict }[];
}

/** Decides every scored pair with `thresholds` (the shipped `MATCHING` by default) and counts. */
export function evaluate(
  scoredPairs: readonly ScoredPair[],
  thresholds: DecisionThresholds = MATCHING,
): Evaluation {
  const overall = emptyTally();
  const byLanguage = new Map<string, Tally>();
  const byVariant = new Map<string, Tally>();
  const decided = scoredPairs.map((pair) => {
    const decision = decideMatch(pair.scored, thresholds);
    const verdict = verdictOf(pair, decision);
    addVerdict(overall, pair.pair, verdict);
    for (const [map, key] of [
      [byLanguage, pair.pair.language],
      [byVariant, pair.pair.variant],
    ] as const) {
      const tally = map.get(key) ?? emptyTally();
      addVerdict(tally, pair.pair, verdict);
      map.set(key, tally);
    }
    return { pair, decision, verdict };
  });
  return { thresholds, overall, byLanguage, byVariant, decided };
}

/** Values of certainScore and candidateScore to sweep. */
export const SWEEP = {
  certainScores: [0.75, 0.8, 0.85, 0.9, 0.95],
  candidateScores: [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6],
};

/** Every combination of the sweep, each with its tally. */
export function sweep(
  scoredPairs: readonly ScoredPair[],
  values = SWEEP,
): { thresholds: DecisionThresholds; overall: Tally }[] {
  return values.certainScores.flatMap((certainScore) =>
    values.candidateScores.map((candidateScore) => {
      const thresholds = { ...MATCHING, certainScore, candidateScore };
      return { thresholds, overall: evaluate(scoredPairs, thresholds).overall };
    }),
  );
}

/** The targets of the set: no false grant, recall >= 0.95 at precision >= 0.99. */
export const TARGETS = { recall: 0.95, precision: 0.99 };

export const meetsTargets = (tally: Tally): boolean =>
  tally.falseGrants === 0 &&
  precisionOf(tally) >= TARGETS.precision &&
  recallOf(tally) >= TARGETS.recall;

/**
 * The thresholds the set supports: targets met (no false grant, precision and recall), then
 * the fewest wrong matches, the highest recall, and the fewest different works held pending
 * (the highest candidateScore).
 */
export function chooseThresholds(
  rows: readonly { thresholds: DecisionThresholds; overall: Tally }[],
): { thresholds: DecisionThresholds; overall: Tally } | undefined {
  return rows
    .filter((row) => meetsTargets(row.overall))
    .sort(
      (a, b) =>
        a.overall.wrongMatches - b.overall.wrongMatches ||
        recallOf(b.overall) - recallOf(a.overall) ||
        a.overall.differentPending - b.overall.differentPending ||
        b.thresholds.certainScore - a.thresholds.certainScore,
    )[0];
}
