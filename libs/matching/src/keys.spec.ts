import { describe, expect, it } from '@jest/globals';
import { titleKeysOf } from './keys.js';
import { decideMatch, MatchMethod, scoreWork } from './score.js';

describe('title keys', () => {
  it.each([
    ['さくらのあめ', MatchMethod.READING],
    ['サクラノアメ', MatchMethod.READING],
    ['櫻の雨', MatchMethod.EXACT_TITLE],
    ['桜之雨', MatchMethod.READING],
    ['Sakura no Ame', MatchMethod.READING],
    ['桜 の 雨', MatchMethod.EXACT_TITLE],
    ['ｻｸﾗﾉｱﾒ', MatchMethod.READING],
  ])('should find 桜の雨 for certain from %j (%s)', async (query, method) => {
    const [work, keys] = await titleKeysOf(['桜の雨', query]);
    const scored = scoreWork(keys!, { workId: 'w', titles: [work!], creators: [] });
    expect(scored.method).toBe(method);
    expect(decideMatch([scored]).outcome).toBe('MATCHED');
  });

  it('should not take a homophone written in other kanji for the work', async () => {
    const [bridge, chopsticks] = await titleKeysOf(['橋の歌', '箸の歌']);
    const scored = scoreWork(chopsticks!, { workId: 'w', titles: [bridge!], creators: [] });
    expect(decideMatch([scored]).outcome).not.toBe('MATCHED');
  });

  it('should read old kanji forms as current ones', async () => {
    const [old, current] = await titleKeysOf(['澤田の櫻', '沢田の桜']);
    expect(old!.compact).toBe(current!.compact);
  });
});

describe('title keys: spellings of one title', () => {
  it('should read a catalogue inverted article as the title with it in front', async () => {
    const [inverted, title] = await titleKeysOf(['Last Train, The', 'The Last Train']);
    expect(inverted!.compact).toBe(title!.compact);
  });

  it('should keep the vowels of English words as written', async () => {
    const [mourning, morning] = await titleKeysOf(['Mourning Glory', 'Morning Glory']);
    expect(mourning!.reading).not.toBe(morning!.reading);
  });

  it('should read Hepburn n before y as ん (shinya is しんや)', async () => {
    const [romaji, kanji] = await titleKeysOf(['Shinya no Ramen-ya', '深夜のラーメン屋']);
    expect(romaji!.reading).toBe(kanji!.reading);
  });

  it('should count a Roman numeral written after Japanese text as a number', async () => {
    const [sequel, first] = await titleKeysOf(['学園戦記II', '学園戦記']);
    expect(sequel!.numbers).toBe('2');
    expect(first!.numbers).toBe('');
  });

  it('should read 豫 as its current form 予', async () => {
    const [old, current] = await titleKeysOf(['週末の豫定', '週末の予定']);
    expect(old!.compact).toBe(current!.compact);
  });

  it('should say a number of a Japanese title in Japanese, as romaji spells it', async () => {
    const [kanji, romaji] = await titleKeysOf(['猫と僕の365日', 'Neko to Boku no 365-nichi']);
    expect(kanji!.reading).toBe(romaji!.reading);
    expect(kanji!.reading).toContain('sanbiyakurokujiyugonichi');
  });

  it('should read a counter after a number as the dictionary reads it after a kanji numeral', async () => {
    const [digits, romaji] = await titleKeysOf(['3年B組の秘密', 'San-nen B-gumi no Himitsu']);
    expect(digits!.reading.startsWith('sannen')).toBe(true);
    expect(romaji!.reading.startsWith('sannen')).toBe(true);
  });

  it('should keep the digits of an English title', async () => {
    const [english] = await titleKeysOf(['Summer Rain 2']);
    expect(english!.reading).toBe('summerrain2');
  });
});
