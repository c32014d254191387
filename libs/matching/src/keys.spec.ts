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
