const HIRAGANA_START = 0x3041;
const HIRAGANA_END = 0x3096;
const KATAKANA_OFFSET = 0x60;

/**
 * A title or name in the form searches and matches compare (Japanese and Latin text):
 * NFKC (full- and half-width forms, compatibility characters), Latin diacritics removed,
 * lower case, hiragana folded to katakana, apostrophes inside words dropped, other punctuation
 * and symbols turned into spaces, and spaces collapsed. Dakuten stay: が and か are different sounds.
 */
export function normalizeTitle(text: string): string {
  const folded = text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '') // combining diacritical marks of Latin letters only
    .normalize('NFC')
    .toLowerCase();
  let result = '';
  for (const character of folded) {
    const code = character.codePointAt(0)!;
    if (code >= HIRAGANA_START && code <= HIRAGANA_END)
      result += String.fromCodePoint(code + KATAKANA_OFFSET);
    else if (character === 'ゝ') result += 'ヽ';
    else if (character === 'ゞ') result += 'ヾ';
    else result += character;
  }
  return result
    .replace(/(\p{L})['’`](\p{L})/gu, '$1$2') // let's, l'amour
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}
