import { describe, expect, it } from '@jest/globals';
import { normalizeTitle } from './normalize.js';

describe(normalizeTitle.name, () => {
  it.each([
    ['ＰＯＰ　ＳＴＡＲ！', 'pop star'],
    ['Pokémon: Let’s Go, Pikachu!', 'pokemon lets go pikachu'],
    ["L'Amour toujours", 'lamour toujours'],
    ['ﾄﾞﾗｺﾞﾝﾎﾞｰﾙ', 'ドラゴンボール'],
    ['どらごんぼーる', 'ドラゴンボール'],
    ['鬼滅の刃　―無限列車編―', '鬼滅ノ刃 無限列車編'],
    ['  Shingeki   no   Kyojin ', 'shingeki no kyojin'],
    ['㍻ ①', '平成 1'],
    ['ＹＯＡＳＯＢＩ「夜に駆ける」', 'yoasobi 夜ニ駆ケル'],
  ])('should normalize %j to %j', (input, expected) => {
    expect(normalizeTitle(input)).toBe(expected);
  });

  it('should keep voiced and unvoiced kana apart', () => {
    expect(normalizeTitle('がっこう')).not.toBe(normalizeTitle('かっこう'));
  });

  it('should fold hiragana, katakana and half-width katakana to the same form', () => {
    const forms = ['となりのととろ', 'トナリノトトロ', 'ﾄﾅﾘﾉﾄﾄﾛ'].map(normalizeTitle);
    expect(new Set(forms).size).toBe(1);
  });

  it('should be idempotent', () => {
    for (const title of ['ＰＯＰ　ＳＴＡＲ！', 'どらごんぼーる', 'Ça Plane Pour Moi']) {
      expect(normalizeTitle(normalizeTitle(title))).toBe(normalizeTitle(title));
    }
  });
});
