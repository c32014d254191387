import { createRequire } from 'node:module';

const HIRAGANA_START = 0x3041;
const HIRAGANA_END = 0x3096;
const KATAKANA_OFFSET = 0x60;

/** Old (traditional) kanji forms and a few common variants, each to its current form. */
const CURRENT_FORM: ReadonlyMap<string, string> = (() => {
  // The kyujitai package's table of the Jōyō kanji and their old forms: [current, old, IVS].
  const table = createRequire(import.meta.url)('kyujitai/data/kyujitai.json') as {
    kyuji: [string, string, string?][];
  };
  const forms = new Map<string, string>();
  for (const [current, old] of table.kyuji) {
    if ([...old].length === 1 && old !== current) forms.set(old, current);
  }
  // Variants outside the old-form table that people write in names and titles.
  for (const [variant, current] of [
    ['髙', '高'],
    ['﨑', '崎'],
    ['嵜', '崎'],
    ['邊', '辺'],
    ['邉', '辺'],
    ['濵', '浜'],
    ['冨', '富'],
    ['𠮷', '吉'],
    ['豫', '予'],
  ] as const) {
    forms.set(variant, current);
  }
  return forms;
})();

/**
 * Characters that show nothing: variation selectors (a glyph's variant, not another letter)
 * and format characters (zero-width spaces and joiners, word joiners, soft hyphens).
 */
const INVISIBLE = /[\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]|\p{Cf}/gu;

/**
 * Letters of other alphabets drawn like Latin ones (Cyrillic Норе, Greek Ηοpe, small capitals
 * ʟᴀꜱᴛ), in lower case, to the Latin letter they pass for: a title written with them is the
 * title it imitates.
 */
const LOOK_ALIKES: ReadonlyMap<string, string> = new Map([
  // Cyrillic
  ['а', 'a'],
  ['в', 'b'],
  ['е', 'e'],
  ['ё', 'e'],
  ['к', 'k'],
  ['м', 'm'],
  ['н', 'h'],
  ['о', 'o'],
  ['р', 'p'],
  ['с', 'c'],
  ['т', 't'],
  ['у', 'y'],
  ['х', 'x'],
  ['ѕ', 's'],
  ['і', 'i'],
  ['ї', 'i'],
  ['ј', 'j'],
  ['ԛ', 'q'],
  ['ԝ', 'w'],
  ['һ', 'h'],
  ['ԁ', 'd'],
  // Greek
  ['α', 'a'],
  ['β', 'b'],
  ['ε', 'e'],
  ['ζ', 'z'],
  ['η', 'h'],
  ['ι', 'i'],
  ['κ', 'k'],
  ['μ', 'm'],
  ['ν', 'n'],
  ['ο', 'o'],
  ['ρ', 'p'],
  ['τ', 't'],
  ['υ', 'y'],
  ['χ', 'x'],
  // Small capitals and other Latin look-alikes NFKC leaves
  ['ᴀ', 'a'],
  ['ʙ', 'b'],
  ['ᴄ', 'c'],
  ['ᴅ', 'd'],
  ['ᴇ', 'e'],
  ['ꜰ', 'f'],
  ['ɢ', 'g'],
  ['ʜ', 'h'],
  ['ɪ', 'i'],
  ['ᴊ', 'j'],
  ['ᴋ', 'k'],
  ['ʟ', 'l'],
  ['ᴍ', 'm'],
  ['ɴ', 'n'],
  ['ᴏ', 'o'],
  ['ᴘ', 'p'],
  ['ʀ', 'r'],
  ['ꜱ', 's'],
  ['ᴛ', 't'],
  ['ᴜ', 'u'],
  ['ᴠ', 'v'],
  ['ᴡ', 'w'],
  ['ʏ', 'y'],
  ['ᴢ', 'z'],
  ['ı', 'i'],
  ['ȷ', 'j'],
]);

/**
 * A title or name in the form searches and matches compare (Japanese and Latin text):
 * NFKC (full- and half-width forms, compatibility characters), old kanji forms to current
 * ones (櫻 → 桜, 澤 → 沢), Latin diacritics removed, lower case, hiragana folded to katakana,
 * apostrophes inside words dropped, other punctuation and symbols turned into spaces, and
 * spaces collapsed. Dakuten stay: が and か are different sounds.
 */
export function normalizeTitle(text: string): string {
  return foldCharacters(text, true)
    .replace(/(\p{L})['’`](\p{L})/gu, '$1$2') // let's, l'amour
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * NFKC, current kanji forms, no Latin diacritics, lower case; hiragana to katakana when
 * `katakana` (a dictionary reads words better with their hiragana kept).
 */
export function foldCharacters(text: string, katakana: boolean): string {
  const folded = text
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '') // combining diacritical marks of Latin letters only
    .normalize('NFC')
    .toLowerCase();
  let result = '';
  for (const character of folded) {
    const code = character.codePointAt(0)!;
    if (katakana && code >= HIRAGANA_START && code <= HIRAGANA_END)
      result += String.fromCodePoint(code + KATAKANA_OFFSET);
    else if (katakana && character === 'ゝ') result += 'ヽ';
    else if (katakana && character === 'ゞ') result += 'ヾ';
    else result += CURRENT_FORM.get(character) ?? LOOK_ALIKES.get(character) ?? character;
  }
  return result;
}

/** The kanji of a normalized text, each once, in code point order. */
export function kanjiOf(normalized: string): string {
  return [...new Set(normalized.match(/\p{Script=Han}/gu) ?? [])].sort().join('');
}

/** Does the text contain kanji (which need a dictionary to be read)? */
export const hasKanji = (text: string): boolean => /\p{Script=Han}/u.test(text);
