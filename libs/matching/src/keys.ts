import { isKana, toKatakana, toRomaji } from 'wanakana';
import { readingAnalyzer, type ReadingAnalyzer } from './analyzer.js';
import { foldCharacters, hasKanji, kanjiOf, normalizeTitle } from './surface.js';

/** What the matcher compares of a title or a name; stored beside each registered title. */
export interface TitleKeys {
  /** The normalized title without a leading English article: compared by trigram similarity. */
  normalized: string;
  /** `normalized` without spaces: compared for equality and containment. */
  compact: string;
  /** How it sounds: folded romaji (or the English words) without spaces; '' when unreadable. */
  reading: string;
  /** Its kanji, each once: a reading only matches where one side's kanji are among the other's. */
  kanji: string;
  /** Its numbers in order ("2", "2 1"): a sequel is another work. */
  numbers: string;
  /**
   * The keys of the title without its decorations (a bracketed part, "feat. …", " - …"),
   * when it has some: 桜の雨 of 桜の雨 (Live). Queries only; not stored.
   */
  core?: TitleKeys;
}

/** A bracketed part, a featured artist, or a " - " suffix (Live, Remix, 2019 Remaster, Single). */
const DECORATIONS =
  /\s*[([（【〔［｛{][^)\]）】〕］｝}]*[)\]）】〕］｝}]|\s+(?:feat\.?|ft\.?|featuring)\s.*$|\s+[-–—]\s+.*$/giu;

/** The title without its decorations, when it has some and something is left. */
function coreOf(text: string): string | undefined {
  const core = text.replace(DECORATIONS, ' ').trim();
  return core !== text.trim() && normalizeTitle(core) ? core : undefined;
}

const ARTICLES = new Set(['the', 'a', 'an']);
const ROMAN_NUMERALS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'];

/** One romaji syllable (Hepburn, Kunrei or as typed on a keyboard), a moraic n or a doubled consonant. */
const ROMAJI_WORD =
  /^(?:(?:ky|gy|sh|sy|zy|jy|ch|cy|ty|dy|ts|ny|hy|by|py|my|ry|[kgsztdnhbpmrywfj])?[aiueo]|n(?![aiueoy])|n'|([kgstdhbpcfjrz])(?=\1)|t(?=ch))+$/;

/** Small kana and their large forms: キャ and キヤ, ティ and テイ are read alike here. */
const LARGE_KANA: Record<string, string> = {
  ァ: 'ア',
  ィ: 'イ',
  ゥ: 'ウ',
  ェ: 'エ',
  ォ: 'オ',
  ャ: 'ヤ',
  ュ: 'ユ',
  ョ: 'ヨ',
  ヮ: 'ワ',
  ヵ: 'カ',
  ヶ: 'ケ',
};

/**
 * Kana spellings that sound alike, folded to one: ヴァ/バ, small and large kana, long-vowel
 * marks and the small ッ dropped, は/へ/を as particles are said (わ/え/お: folding every
 * one keeps both spellings together), ぢ/じ, づ/ず, ゐ/い, ゑ/え.
 */
function foldKana(katakana: string): string {
  return katakana
    .replace(/ヴ([ァィェォ])/g, (_, small: string) => 'バビブベボ'['ァィゥェォ'.indexOf(small)]!)
    .replace(/ヴ/g, 'ブ')
    .replace(/[ァィゥェォャュョヮヵヶ]/g, (small) => LARGE_KANA[small]!)
    .replace(/[ーッ]/g, '')
    .replace(/ハ/g, 'ワ')
    .replace(/[ヘヱ]/g, 'エ')
    .replace(/ヲ/g, 'オ')
    .replace(/ヂ/g, 'ジ')
    .replace(/ヅ/g, 'ズ')
    .replace(/ヰ/g, 'イ');
}

/** Long and doubled vowels shortened: ō, ou, oo → o; ei → e. */
const foldVowels = (romaji: string): string =>
  romaji
    .replace(/ou/g, 'o')
    .replace(/ei/g, 'e')
    .replace(/([aiueo])\1+/g, '$1');

/** A kana reading as romaji; undefined when the text still holds kanji (a word the dictionary does not know). */
function romajiOf(kana: string): string | undefined {
  if (hasKanji(kana)) return undefined;
  // ニャ folds to ニヤ ("niya"): read as ンヤ ("nya"), as Hepburn's "shinya" is typed for しんや.
  return toRomaji(foldKana(toKatakana(kana)))
    .replace(/[^a-z0-9]/g, '')
    .replace(/niy/g, 'ny');
}

/**
 * Title keys, loading the dictionary only when some text has kanji. Every service computes
 * keys with this one function: registered titles when they are stored, queries when asked.
 */
export async function titleKeysOf(texts: readonly string[]): Promise<TitleKeys[]> {
  const analyzer = texts.some(hasKanji) ? await readingAnalyzer() : undefined;
  return texts.map((text) => titleKeys(text, analyzer));
}

/** Title keys of one text; `analyzer` is needed when the text has kanji (else no reading). */
export function titleKeys(written: string, analyzer?: ReadingAnalyzer): TitleKeys {
  const text = withoutTrailingArticle(written);
  const words = normalizeTitle(text).split(' ').filter(Boolean);
  const latin = words.filter((word) => /^[a-z]+$/.test(word));
  const romaji = latin.length > 0 && latin.every((word) => ROMAJI_WORD.test(romajiSpelling(word)));
  if (!romaji && words.length > 1 && ARTICLES.has(words[0]!)) words.shift();
  const normalized = words.join(' ');
  const core = coreOf(written);
  return {
    normalized,
    compact: words.join(''),
    reading: readingOf(text, romaji, analyzer),
    kanji: kanjiOf(normalized),
    numbers: numbersOf(words, romaji),
    ...(core ? { core: titleKeys(core, analyzer) } : {}),
  };
}

/** A catalogue's inverted article dropped: "Last Train, The" is "The Last Train". */
const withoutTrailingArticle = (text: string): string =>
  text.replace(/\S\s*,\s*(?:the|a|an)\s*$/iu, (match) => match[0]!);

/** Keyboard romaji as Hepburn writes it before a labial: shimbun → shinbun. */
const romajiSpelling = (word: string): string => word.replace(/m(?=[bmp])/g, 'n');

function readingOf(text: string, romaji: boolean, analyzer?: ReadingAnalyzer): string {
  const folded = foldCharacters(text, false)
    .replace(/(\p{L})['’`](\p{L})/gu, '$1$2')
    .replace(/[\p{P}\p{S}]/gu, ' ');
  // Japanese (and romaji) parts are folded; English words are kept as written.
  const parts: ({ japanese: string | undefined } | { english: string })[] = [];
  let english: string[] = [];
  const flushEnglish = () => {
    if (english.length > 1 && ARTICLES.has(english[0]!) && parts.length === 0) english.shift();
    parts.push({ english: english.join('') });
    english = [];
  };
  // A number in a Japanese (or romaji) title is said in Japanese: 3年 as "sannen", 365-nichi
  // as "sanbyakurokujugo nichi"; in an English title it stays digits.
  const japaneseTitle =
    romaji || /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(folded);
  // Runs of Latin letters, digits, and everything else (Japanese), in order.
  const runs = [...folded.matchAll(/[a-z]+|[0-9]+|[^a-z0-9\s]+/g)].map((match) => ({
    run: match[0],
    end: match.index + match[0].length,
    start: match.index,
  }));
  for (let index = 0; index < runs.length; index++) {
    const { run, end } = runs[index]!;
    if (/^[a-z]/.test(run)) {
      if (romaji && isKana(toKatakana(romajiSpelling(run))))
        parts.push({ japanese: romajiOf(toKatakana(romajiSpelling(run))) });
      else english.push(run);
      continue;
    }
    if (english.length) flushEnglish();
    const next = runs[index + 1];
    if (/^[0-9]/.test(run)) {
      const said = japaneseTitle ? numberReading(run) : undefined;
      if (said !== undefined && analyzer && next?.start === end && hasKanji(next.run)) {
        // A counter after a number (年, 日, 人) is read as the dictionary reads it after a
        // number written in kanji.
        parts.push({ japanese: readCounted(analyzer, run, said, next.run) });
        index++;
      } else parts.push({ japanese: said ?? run });
    } else if (!hasKanji(run)) parts.push({ japanese: romajiOf(run) });
    else if (analyzer) parts.push({ japanese: readKanji(analyzer, run) });
    else return '';
  }
  if (english.length) flushEnglish();
  // A title with a word the dictionary cannot read has no reading. Vowels are folded over
  // each stretch of Japanese (の+うた and のう+た alike), not in English words (mourning).
  if (parts.some((part) => 'japanese' in part && part.japanese === undefined)) return '';
  let reading = '';
  let japanese = '';
  for (const part of parts) {
    if ('japanese' in part) japanese += part.japanese!;
    else {
      reading += foldVowels(japanese) + part.english;
      japanese = '';
    }
  }
  return reading + foldVowels(japanese);
}

/** Japanese text with kanji, read by the dictionary; undefined when a word cannot be read. */
function readKanji(analyzer: ReadingAnalyzer, text: string): string | undefined {
  const read = analyzer.read(text).map((token) => romajiOf(token.reading ?? token.surface));
  return read.includes(undefined) ? undefined : read.join('');
}

/**
 * A number and the kanji text after it: the number written in kanji numerals goes to the
 * dictionary with the text, so that the counter is read as after a number (三年 "sannen",
 * 百日 "hyakunichi"); the number itself is said as `numberReading` says it when the
 * dictionary reads it apart, else (二人 "ninin") as the dictionary reads it with its counter.
 */
function readCounted(
  analyzer: ReadingAnalyzer,
  digits: string,
  said: string,
  text: string,
): string | undefined {
  const numeral = kanjiNumeral(digits);
  const tokens = analyzer.read(numeral + text);
  let covered = 0;
  let count = 0;
  while (
    covered < numeral.length &&
    /^[一二三四五六七八九十百千万]+$/u.test(tokens[count]?.surface ?? '')
  ) {
    covered += tokens[count]!.surface.length;
    count++;
  }
  if (covered !== numeral.length) return readKanji(analyzer, numeral + text);
  const rest = tokens.slice(count).map((token) => romajiOf(token.reading ?? token.surface));
  return rest.includes(undefined) ? undefined : said + rest.join('');
}

const DIGIT_KANJI = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const DIGIT_SAID = ['', 'ichi', 'ni', 'san', 'yon', 'go', 'roku', 'nana', 'hachi', 'kyu'];
/** The places of a number under 10,000: ones, tens, hundreds, thousands. */
const PLACES = [
  { kanji: '', said: (d: number) => DIGIT_SAID[d]! },
  { kanji: '十', said: (d: number) => (d === 1 ? '' : DIGIT_SAID[d]!) + 'ju' },
  {
    kanji: '百',
    said: (d: number) =>
      ({ 1: 'hyaku', 3: 'sanbyaku', 6: 'roppyaku', 8: 'happyaku' })[d] ?? DIGIT_SAID[d] + 'hyaku',
  },
  {
    kanji: '千',
    said: (d: number) => ({ 1: 'sen', 3: 'sanzen', 8: 'hassen' })[d] ?? DIGIT_SAID[d] + 'sen',
  },
];

/** Digits as a number in kanji numerals (365 → 三百六十五); under 10,000, else the digits. */
function kanjiNumeral(digits: string): string {
  const number = Number(digits);
  if (!(number > 0 && number < 10_000) || digits.startsWith('0')) return digits;
  return [...String(number)]
    .reverse()
    .map((digit, place) => {
      const d = Number(digit);
      if (d === 0) return '';
      return (place > 0 && d === 1 ? '' : DIGIT_KANJI[d]!) + PLACES[place]!.kanji;
    })
    .reverse()
    .join('');
}

/**
 * How a number under 10,000 is said in Japanese, in folded romaji (365 → "sanbiyakurokujugo",
 * as the romaji "sanbyaku roku jū go" folds); undefined for 0, larger numbers and leading zeros.
 */
function numberReading(digits: string): string | undefined {
  const number = Number(digits);
  if (!(number > 0 && number < 10_000) || digits.startsWith('0')) return undefined;
  const said = [...String(number)]
    .reverse()
    .map((digit, place) => (digit === '0' ? '' : PLACES[place]!.said(Number(digit))))
    .reverse()
    .join('');
  return romajiOf(toKatakana(said));
}

function numbersOf(words: readonly string[], romaji: boolean): string {
  const numbers: string[] = [];
  for (const word of words) {
    for (const [digits] of word.matchAll(/[0-9]+/g)) numbers.push(String(Number(digits)));
    const roman = ROMAN_NUMERALS.indexOf(word);
    if (!romaji && roman >= 0 && words.length > 1) numbers.push(String(roman + 1));
    // A Roman numeral written after Japanese text (学園戦記II).
    const attached = ROMAN_NUMERALS.indexOf(/[^a-z0-9]([ivx]+)$/u.exec(word)?.[1] ?? '');
    if (attached >= 0) numbers.push(String(attached + 1));
  }
  return numbers.join(' ');
}

/** Character unigrams and bigrams of a compact key: find titles by a part of one or two characters. */
export function gramsOf(compact: string): string[] {
  const characters = [...compact];
  const grams = new Set(characters);
  for (let i = 0; i + 1 < characters.length; i++) grams.add(characters[i]! + characters[i + 1]!);
  return [...grams];
}
