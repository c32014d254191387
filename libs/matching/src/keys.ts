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
  return toRomaji(foldKana(toKatakana(kana))).replace(/[^a-z0-9]/g, '');
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
export function titleKeys(text: string, analyzer?: ReadingAnalyzer): TitleKeys {
  const words = normalizeTitle(text).split(' ').filter(Boolean);
  const latin = words.filter((word) => /^[a-z]+$/.test(word));
  const romaji = latin.length > 0 && latin.every((word) => ROMAJI_WORD.test(romajiSpelling(word)));
  if (!romaji && words.length > 1 && ARTICLES.has(words[0]!)) words.shift();
  const normalized = words.join(' ');
  return {
    normalized,
    compact: words.join(''),
    reading: readingOf(text, romaji, analyzer),
    kanji: kanjiOf(normalized),
    numbers: numbersOf(words, romaji),
  };
}

/** Keyboard romaji as Hepburn writes it before a labial: shimbun → shinbun. */
const romajiSpelling = (word: string): string => word.replace(/m(?=[bmp])/g, 'n');

function readingOf(text: string, romaji: boolean, analyzer?: ReadingAnalyzer): string {
  const folded = foldCharacters(text, false)
    .replace(/(\p{L})['’`](\p{L})/gu, '$1$2')
    .replace(/[\p{P}\p{S}]/gu, ' ');
  const parts: (string | undefined)[] = [];
  let english: string[] = [];
  const flushEnglish = () => {
    if (english.length > 1 && ARTICLES.has(english[0]!) && parts.length === 0) english.shift();
    parts.push(english.join(''));
    english = [];
  };
  // Runs of Latin letters, digits, and everything else (Japanese), in order.
  for (const [run] of folded.matchAll(/[a-z]+|[0-9]+|[^a-z0-9\s]+/g)) {
    if (/^[a-z]/.test(run)) {
      if (romaji && isKana(toKatakana(romajiSpelling(run))))
        parts.push(romajiOf(toKatakana(romajiSpelling(run))));
      else english.push(run);
      continue;
    }
    if (english.length) flushEnglish();
    if (/^[0-9]/.test(run)) parts.push(run);
    else if (!hasKanji(run)) parts.push(romajiOf(run));
    else if (analyzer) {
      const read = analyzer.read(run).map((token) => romajiOf(token.reading ?? token.surface));
      parts.push(read.includes(undefined) ? undefined : read.join(''));
    } else return '';
  }
  if (english.length) flushEnglish();
  // A title with a word the dictionary cannot read has no reading. Vowels are folded over
  // the whole reading (の+うた and のう+た alike).
  return parts.includes(undefined) ? '' : foldVowels(parts.join(''));
}

function numbersOf(words: readonly string[], romaji: boolean): string {
  const numbers: string[] = [];
  for (const word of words) {
    for (const [digits] of word.matchAll(/[0-9]+/g)) numbers.push(String(Number(digits)));
    const roman = ROMAN_NUMERALS.indexOf(word);
    if (!romaji && roman >= 0 && words.length > 1) numbers.push(String(roman + 1));
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
