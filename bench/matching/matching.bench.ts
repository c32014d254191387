import {
  MATCHING,
  normalizeTitle,
  readingAnalyzer,
  titleKeys,
  type ReadingAnalyzer,
} from '#libs/matching';
import { machine, recordResults, round, timed, type BenchmarkSuite } from '../harness.js';
import {
  chooseThresholds,
  corpusOf,
  evaluate,
  meetsTargets,
  precisionOf,
  readTitlePairs,
  recallOf,
  scorePairs,
  sweep,
  TARGETS,
  TITLE_PAIRS_FILE,
  type Tally,
} from './evaluate.js';

/** Rounds over every title of the set when timing keys (enough for a second or more). */
const KEY_ROUNDS = Number(process.env.BENCH_KEY_ROUNDS ?? 20);

const share = (value: number): string => round(value, 3);

/** One row of a tally table: pairs, recall, precision and what went wrong. */
const tallyRow = (name: string, tally: Tally): string =>
  `| ${name} | ${tally.pairs} | ${tally.same} | ${tally.different} | ${tally.same ? share(recallOf(tally)) : '–'} | ${tally.matched ? share(precisionOf(tally)) : '–'} | ${tally.falseGrants} | ${tally.wrongMatches} | ${tally.samePending} | ${tally.differentPending} |`;

const TALLY_HEADER = [
  '| | pairs | SAME | DIFFERENT | recall | precision | false grants | wrong matches | SAME pending | DIFFERENT pending |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
];

/** Titles per second of `work` over every title, `KEY_ROUNDS` times. */
function titlesPerSecond(titles: readonly string[], work: (title: string) => unknown): number {
  const started = performance.now();
  for (let round = 0; round < KEY_ROUNDS; round++) for (const title of titles) work(title);
  return (titles.length * KEY_ROUNDS) / ((performance.now() - started) / 1000);
}

/**
 * The matcher measured on the title-pair test set: precision and recall of its decisions with
 * the shipped thresholds (overall, per language, per variant), a sweep of the decision
 * thresholds, and the speed of computing keys against normalization alone.
 */
export const matchingBenchmark: BenchmarkSuite = {
  name: 'matching',
  description: 'precision and recall of title matching on the test set; keys per second',
  async run() {
    const rssBefore = process.memoryUsage.rss();
    const load = await timed(() => readingAnalyzer());
    const analyzer: ReadingAnalyzer = load.result;
    const dictionaryMiB = (process.memoryUsage.rss() - rssBefore) / 2 ** 20;

    const pairs = await readTitlePairs();
    const corpus = corpusOf(pairs);
    const scored = await scorePairs(pairs, corpus);
    const shipped = evaluate(scored);
    const rows = sweep(scored);
    const chosen = chooseThresholds(rows);

    const titles = [...new Set(pairs.flatMap((pair) => [pair.registered, pair.query]))];
    titlesPerSecond(titles, (title) => titleKeys(title, analyzer)); // warm up
    const baseline = titlesPerSecond(titles, normalizeTitle);
    const keys = titlesPerSecond(titles, (title) => titleKeys(title, analyzer));
    const withKanji = titles.filter((title) => /\p{Script=Han}/u.test(title));
    const kanjiKeys = titlesPerSecond(withKanji, (title) => titleKeys(title, analyzer));

    const { overall } = shipped;
    const differentMatched = shipped.decided.filter(
      ({ pair, verdict }) => verdict === 'WRONG_MATCH' && pair.pair.kind === 'DIFFERENT',
    ).length;
    const met = meetsTargets(overall);
    const byLanguage = [...shipped.byLanguage].sort(([a], [b]) => a.localeCompare(b));
    const byVariant = [...shipped.byVariant].sort(
      ([a, left], [b, right]) =>
        Number(left.same === 0) - Number(right.same === 0) || a.localeCompare(b),
    );
    const isShipped = (certain: number, candidate: number) =>
      certain === MATCHING.certainScore && candidate === MATCHING.candidateScore;
    const markdown = [
      '## matching',
      '',
      `\`npm run bench -- matching\`, ${new Date().toISOString().slice(0, 10)}, ${machine()}. Title-pair test set \`${TITLE_PAIRS_FILE}\`: ${overall.pairs} pairs (${overall.same} SAME: the registered work written another way; ${overall.different} DIFFERENT: another work with a similar title), ${byLanguage.map(([language, tally]) => `${tally.pairs} ${language}`).join(', ')}; a corpus of ${corpus.length} registered works (every distinct registered title and creator), all opted out. Each query is scored against every work (\`titleKeysOf\`, \`scoreWork\`, \`decideMatch\`); the integration test \`libs/matching/src/test-set.int-spec.ts\` checks that \`matchTitles\` on PostgreSQL decides every query alike.`,
      '',
      '| measure | result |',
      '| --- | --- |',
      `| shipped thresholds | certainScore ${MATCHING.certainScore}, candidateScore ${MATCHING.candidateScore}, margin ${MATCHING.margin} |`,
      `| recall: SAME pairs decided as their work (target >= ${TARGETS.recall}) | **${share(recallOf(overall))}** (${overall.truePositives} of ${overall.same}) |`,
      `| precision: right works among MATCHED decisions (target >= ${TARGETS.precision}) | **${share(precisionOf(overall))}** (${overall.correct} of ${overall.matched}) |`,
      `| false grants on opted-out works: SAME pairs decided NONE (target 0) | **${overall.falseGrants}** |`,
      `| targets | ${met ? 'met' : 'NOT met'} |`,
      `| SAME pairs held pending (candidates, no decision) | ${overall.samePending} |`,
      `| DIFFERENT pairs held pending (a person decides; never granted) / left unidentified / decided as another work | ${overall.differentPending} / ${overall.unidentified} / ${differentMatched} |`,
      `| baseline: \`normalizeTitle\` alone, every title of the set ${KEY_ROUNDS} times | ${round(baseline, 0)} titles/s |`,
      `| \`titleKeys\` (dictionary loaded), same titles | ${round(keys, 0)} titles/s (ratio **${round(keys / baseline, 3)}**) |`,
      `| \`titleKeys\` of the ${withKanji.length} titles with kanji only | ${round(kanjiKeys, 0)} titles/s (ratio ${round(kanjiKeys / baseline, 3)}) |`,
      `| loading the dictionary (kuromoji IPADIC), once per process or worker thread | ${round(load.seconds, 2)} s, resident memory +${round(dictionaryMiB, 0)} MiB |`,
      '',
      '### matching: per language',
      '',
      ...TALLY_HEADER,
      ...byLanguage.map(([language, tally]) => tallyRow(language, tally)),
      tallyRow('all', overall),
      '',
      '### matching: per variant',
      '',
      ...TALLY_HEADER,
      ...byVariant.map(([variant, tally]) => tallyRow(variant, tally)),
      '',
      '### matching: threshold sweep',
      '',
      'Every combination of certainScore and candidateScore over the same scores (margin and the other numbers as shipped). The candidate floor of a guessed reading is `MATCHING.candidateScore` as shipped, so a higher candidateScore drops those candidates.',
      '',
      '| certainScore | candidateScore | recall | precision | false grants | wrong matches | DIFFERENT pending | targets |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows.map(({ thresholds, overall: tally }) => {
        const mark = isShipped(thresholds.certainScore, thresholds.candidateScore) ? '**' : '';
        return `| ${mark}${thresholds.certainScore}${mark} | ${mark}${thresholds.candidateScore}${mark} | ${share(recallOf(tally))} | ${share(precisionOf(tally))} | ${tally.falseGrants} | ${tally.wrongMatches} | ${tally.differentPending} | ${meetsTargets(tally) ? 'met' : '–'} |`;
      }),
      '',
      chosen
        ? `Chosen from the sweep: targets met, then the fewest wrong matches, the highest recall, the fewest DIFFERENT pairs held pending: certainScore **${chosen.thresholds.certainScore}**, candidateScore **${chosen.thresholds.candidateScore}**${isShipped(chosen.thresholds.certainScore, chosen.thresholds.candidateScore) ? ' (shipped in `MATCHING`)' : ' (NOT what `MATCHING` ships)'}.`
        : 'No combination of the sweep meets the targets.',
      '',
      '### matching: pairs not decided as their work',
      '',
      '| line | kind | variant | registered | query | decision |',
      '| --- | --- | --- | --- | --- | --- |',
      ...shipped.decided
        .filter(
          ({ pair, verdict }) =>
            (pair.pair.kind === 'SAME' && verdict !== 'CORRECT') || verdict === 'WRONG_MATCH',
        )
        .map(
          ({ pair, decision, verdict }) =>
            `| ${pair.pair.line} | ${pair.pair.kind} | ${pair.pair.variant} | ${pair.pair.registered}${pair.pair.registeredCreator ? ` (${pair.pair.registeredCreator})` : ''} | ${pair.pair.query}${pair.pair.queryCreator ? ` (${pair.pair.queryCreator})` : ''} | ${verdict}${decision.outcome === 'NONE' ? '' : `, best ${decision.candidates[0]?.method} ${decision.candidates[0]?.score}`} |`,
        ),
    ].join('\n');
    await recordResults('matching', markdown);
    return markdown;
  },
};
