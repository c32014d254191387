import { trigramSimilarity } from './trigram.js';
import type { TitleKeys } from './keys.js';

/** How a work was found. */
export enum MatchMethod {
  IDENTIFIER = 'IDENTIFIER',
  EXACT_TITLE = 'EXACT_TITLE',
  READING = 'READING',
  FUZZY = 'FUZZY',
  PARTIAL = 'PARTIAL',
}

/**
 * The matcher's numbers, stated once and chosen from the title-pair test set
 * (docs/BENCHMARKS.md, "Title matching").
 */
export const MATCHING = {
  /** Score of the same title written alike (after normalization). */
  exactScore: 1,
  /** Score of the same reading (さくらのあめ, Sakura no Ame, 桜の雨). */
  readingScore: 0.95,
  /** A fuzzy or exact match at least this high is the work, when nothing else comes near. */
  certainScore: 0.8,
  /** At least this high is a candidate: a title this close to a work is never unidentified. */
  candidateScore: 0.45,
  /** A search lists works scoring at least this, and every title holding the query (PARTIAL). */
  searchScore: 0.3,
  /** The best must lead the next candidate by at least this much to be certain. */
  margin: 0.05,
  /** A part of a title (桜 of 桜の雨) scores its share of the title, at most this. */
  partialCap: 0.7,
  /** The same words in another order (Boy Meets Girl, Girl Meets Boy) score at most this. */
  reorderedCap: 0.7,
  /** A creator named in the query and found among the work's creators. */
  creatorBonus: 0.05,
  /** A creator named in the query and not among the work's (the work has creators). */
  creatorPenalty: 0.1,
  /** Different numbers (a sequel, another volume). */
  numbersPenalty: 0.2,
  /**
   * A title matched once its decorations are set aside (桜の雨 (Live), 桜の雨 feat. …,
   * 桜の雨 [2019 Remaster], 桜の雨 - Single) scores this share of what the bare title scores.
   */
  decoratedFactor: 0.9,
  /**
   * A title of at least this many characters written whole inside the query (桜の雨 in
   * 桜の雨が降る日) makes its work a near one: never granted as unidentified while opted out.
   */
  heldTitleLength: 3,
  /**
   * A query in kana or romaji whose reading is at least this similar to the dictionary's
   * reading of a title in kanji makes that title a candidate (at `candidateScore`), never
   * certain: the dictionary guesses readings (紅 "beni" for kurenai, 二人 "ninin" for futari).
   */
  guessedReadingSimilarity: 0.2,
  /**
   * pg_trgm's similarity threshold when the database looks for candidates: low enough that
   * every title scoring `candidateScore` or more is found.
   */
  retrievalSimilarity: 0.2,
} as const;

export type CreatorAgreement = 'MATCH' | 'MISMATCH' | 'NONE';

export interface TitleScore {
  method: MatchMethod;
  /** 0..1. */
  score: number;
}

/** Is one side's set of kanji among the other's? (A kana title has none: always.) */
function kanjiNested(a: string, b: string): boolean {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  return [...small].every((kanji) => large.includes(kanji));
}

/**
 * Do two titles' kanji let their readings be compared? One side's kanji must be among the
 * other's, and where one writes kanji the other lacks, the other writes them out in kana
 * (さくらの雨 for 桜の雨, 桜之雨 for 桜の雨): 風邪の街 is not 風の街 said otherwise.
 */
export function kanjiAgree(query: TitleKeys, title: TitleKeys): boolean {
  if (!kanjiNested(query.kanji, title.kanji)) return false;
  if (!query.kanji || !title.kanji || query.kanji.length === title.kanji.length) return true;
  const [fewer, more] = query.kanji.length < title.kanji.length ? [query, title] : [title, query];
  return notKanji(fewer.compact) > notKanji(more.compact);
}

const notKanji = (compact: string): number => compact.replace(/\p{Script=Han}/gu, '').length;

/**
 * How close a query's title is to one title of a work. A reading only counts where the
 * kanji agree: 橋の歌 and 箸の歌 sound alike but are different words.
 */
export function scoreTitle(query: TitleKeys, title: TitleKeys): TitleScore {
  if (query.compact && query.compact === title.compact)
    return { method: MatchMethod.EXACT_TITLE, score: MATCHING.exactScore };
  const readable = kanjiAgree(query, title);
  if (readable && query.reading && query.reading === title.reading)
    return { method: MatchMethod.READING, score: MATCHING.readingScore };
  const similar = Math.max(
    trigramSimilarity(query.normalized, title.normalized),
    readable && query.reading && title.reading
      ? trigramSimilarity(query.reading, title.reading)
      : 0,
  );
  // The same words in another order are another title (Girl Meets Boy): never certain.
  const fuzzy = reordered(query.normalized, title.normalized)
    ? Math.min(similar, MATCHING.reorderedCap)
    : similar;
  const partial = partialShare(query, title, readable);
  return partial > fuzzy
    ? { method: MatchMethod.PARTIAL, score: partial }
    : { method: MatchMethod.FUZZY, score: fuzzy };
}

/**
 * A kana or romaji query against a title in kanji whose reading, as the dictionary guessed
 * it, is loosely like the query's: the title may be the work, read otherwise.
 */
export function guessedReading(query: TitleKeys, title: TitleKeys): boolean {
  return (
    !query.kanji &&
    title.kanji !== '' &&
    query.reading !== '' &&
    title.reading !== '' &&
    trigramSimilarity(query.reading, title.reading) >= MATCHING.guessedReadingSimilarity
  );
}

/** The same words, not in the same order. */
const reordered = (a: string, b: string): boolean =>
  a !== b && a.split(' ').sort().join(' ') === b.split(' ').sort().join(' ');

/** One title inside the other (桜 in 桜の雨): the share of the longer it covers, capped. */
function partialShare(query: TitleKeys, title: TitleKeys, readable: boolean): number {
  const share = (part: string, whole: string) =>
    part && whole.length > part.length && whole.includes(part) ? part.length / whole.length : 0;
  const covered = Math.max(
    share(query.compact, title.compact),
    share(title.compact, query.compact),
    readable && query.reading.length >= 4 ? share(query.reading, title.reading) : 0,
  );
  return Math.min(covered, MATCHING.partialCap);
}

/** Keys of a work as the matcher sees it: its titles (first the main one) and creators. */
export interface WorkKeys {
  workId: string;
  titles: readonly TitleKeys[];
  creators: readonly TitleKeys[];
}

export interface ScoredWork extends TitleScore {
  workId: string;
  creator: CreatorAgreement;
  /** The query holds one of the work's titles whole (桜の雨 in 桜の雨が降る日). */
  holdsTitle: boolean;
  /**
   * How close the titles alone are, before the creator and numbers the query names: what
   * makes a work a candidate, so that naming another creator or a number never hides it.
   */
  titleScore: number;
}

/** The work's best title for the query, with the creator and numbers taken into account. */
export function scoreWork(
  query: TitleKeys,
  work: WorkKeys,
  queryCreator?: TitleKeys | null,
): ScoredWork {
  // The query as written, and without its decorations (at `decoratedFactor`).
  const forms = [
    { keys: query, factor: 1 },
    ...(query.core ? [{ keys: query.core, factor: MATCHING.decoratedFactor }] : []),
  ];
  let best: TitleScore = { method: MatchMethod.FUZZY, score: 0 };
  let titleScore = 0;
  let guessed = false;
  for (const title of work.titles) {
    for (const form of forms) {
      const scored = scoreTitle(form.keys, title);
      let score = scored.score * form.factor;
      titleScore = Math.max(titleScore, score);
      if (scored.method !== MatchMethod.PARTIAL && title.numbers !== form.keys.numbers)
        score -= MATCHING.numbersPenalty;
      if (score > best.score) best = { method: scored.method, score };
    }
    guessed ||= guessedReading(query, title);
  }
  const creator = creatorAgreement(queryCreator, work.creators);
  let score = best.score;
  if (creator === 'MATCH') score += MATCHING.creatorBonus;
  if (creator === 'MISMATCH') score -= MATCHING.creatorPenalty;
  if (guessed) {
    score = Math.max(score, MATCHING.candidateScore);
    titleScore = Math.max(titleScore, MATCHING.candidateScore);
  }
  const rounded = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
  return {
    workId: work.workId,
    method: best.method,
    score: rounded(score),
    creator,
    holdsTitle: work.titles.some((title) => holdsTitle(query, title)),
    titleScore: rounded(titleScore),
  };
}

/** The query holds the title whole, in its characters or (kanji agreeing) its reading. */
function holdsTitle(query: TitleKeys, title: TitleKeys): boolean {
  const length = [...title.compact].length;
  if (length < MATCHING.heldTitleLength || query.compact === title.compact) return false;
  if (query.compact.includes(title.compact)) return true;
  return (
    kanjiAgree(query, title) &&
    title.reading.length >= 2 * MATCHING.heldTitleLength &&
    query.reading.length > title.reading.length &&
    query.reading.includes(title.reading)
  );
}

/**
 * A creator named by the query is one of the work's: same name, same reading, or a part (a
 * family name), given and family names in either order. A name written in another script
 * than the work's creator (ハンナ・プライス for Hannah Price, よしだ たくま for 吉田 拓真) that
 * does not agree by reading cannot be told apart: the dictionary reads given names poorly and
 * foreign names are spelled in katakana by ear, so it neither agrees nor disagrees.
 */
export function creatorAgreement(
  query: TitleKeys | null | undefined,
  creators: readonly TitleKeys[],
): CreatorAgreement {
  if (!query?.compact || creators.length === 0) return 'NONE';
  const found = creators.some((creator) => {
    const readable = kanjiNested(query.kanji, creator.kanji);
    return (
      creator.compact.includes(query.compact) ||
      query.compact.includes(creator.compact) ||
      (readable &&
        query.reading.length >= 2 &&
        (creator.reading.includes(query.reading) ||
          (creator.reading.length >= 2 && query.reading.includes(creator.reading)) ||
          rotated(query.reading, creator.reading))) ||
      // Given and family names in either order (田中 花子 / Hanako Tanaka).
      (readable && sameWords(query.normalized, creator.normalized))
    );
  });
  if (found) return 'MATCH';
  return creators.some((creator) => scriptOf(creator) === scriptOf(query)) ? 'MISMATCH' : 'NONE';
}

const sameWords = (a: string, b: string): boolean =>
  a.includes(' ') && a.split(' ').sort().join(' ') === b.split(' ').sort().join(' ');

/** The same reading with its words in another order (hanakotanaka / tanakahanako). */
const rotated = (a: string, b: string): boolean => a.length === b.length && (b + b).includes(a);

/** How a name is written: Latin letters, kanji (with or without kana), or kana only. */
function scriptOf(name: TitleKeys): 'LATIN' | 'KANJI' | 'KANA' {
  if (/^[a-z0-9]+$/.test(name.compact)) return 'LATIN';
  return name.kanji ? 'KANJI' : 'KANA';
}

/** What the scores say: one work for certain, some candidates, or nothing near. */
export type MatchDecision = (
  | { outcome: 'MATCHED'; match: ScoredWork; candidates: ScoredWork[] }
  | { outcome: 'AMBIGUOUS'; candidates: ScoredWork[] }
  | { outcome: 'NONE'; candidates: [] }
) & {
  /**
   * Works below the candidates whose whole title the query holds (桜の雨 in 桜の雨が降る日):
   * not the work for certain, nor close, but never to be granted as unidentified while one
   * of them is opted out.
   */
  nearby: ScoredWork[];
};

/** At most this many candidates are reported. */
export const MAX_CANDIDATES = 5;

/** The thresholds of the decision (`MATCHING`'s; others only to measure them). */
export interface DecisionThresholds {
  certainScore: number;
  candidateScore: number;
  margin: number;
}

/**
 * Whether a search by title lists the work: scored at `MATCHING.searchScore` or more, or found
 * holding the query (PARTIAL: 桜 finds 桜の雨). Work search and the reserve's title search alike.
 */
export function foundBySearch(work: Pick<ScoredWork, 'score' | 'method'>): boolean {
  return work.score >= MATCHING.searchScore || work.method === MatchMethod.PARTIAL;
}

/**
 * The decision on scored works: certain when the best reaches `certainScore`, was not
 * only a part of a title, does not name another creator, and leads the next by `margin`;
 * otherwise the works at `candidateScore` or more are candidates.
 */
export function decideMatch(
  scored: readonly ScoredWork[],
  thresholds: DecisionThresholds = MATCHING,
): MatchDecision {
  const ranked = [...scored]
    .filter((work) => Math.max(work.score, work.titleScore) >= thresholds.candidateScore)
    .sort((a, b) => b.score - a.score || a.workId.localeCompare(b.workId));
  const candidates = ranked.slice(0, MAX_CANDIDATES);
  const [best, next] = ranked;
  // Every one: a caller keeps those it must not grant around (opted out), whatever their rank.
  const nearby = scored.filter((work) => work.holdsTitle && !candidates.includes(work));
  if (!best) return { outcome: 'NONE', candidates: [], nearby };
  const certain =
    best.score >= thresholds.certainScore &&
    best.method !== MatchMethod.PARTIAL &&
    best.creator !== 'MISMATCH' &&
    (!next || best.score - next.score >= thresholds.margin - 1e-9);
  return certain
    ? { outcome: 'MATCHED', match: best, candidates, nearby }
    : { outcome: 'AMBIGUOUS', candidates, nearby };
}
