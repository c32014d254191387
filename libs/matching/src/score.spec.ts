import { describe, expect, it } from '@jest/globals';
import { titleKeysOf } from './keys.js';
import { creatorAgreement, decideMatch, MATCHING, MatchMethod, scoreWork } from './score.js';

async function scored(registered: string, query: string, creators: string[] = [], by?: string) {
  const [work, keys, ...rest] = await titleKeysOf([registered, query, ...creators, by ?? '']);
  const names = rest.slice(0, creators.length);
  return scoreWork(
    keys!,
    { workId: 'w', titles: [work!], creators: names },
    by ? rest.at(-1) : null,
  );
}

describe('creator agreement', () => {
  it.each([
    ['田中 花子', 'Hanako Tanaka'],
    ['岸本 ゆり', 'Yuri Kishimoto'],
    ['田中 花子', 'TANAKA Hanako'],
  ])('should take %j and %j for one person (names in either order)', async (work, query) => {
    const [creator, named] = await titleKeysOf([work, query]);
    expect(creatorAgreement(named, [creator!])).toBe('MATCH');
  });

  it.each([
    ['Emily Carter', 'エミリー・カーター'],
    ['吉田 拓真', 'よしだ たくま'],
  ])(
    'should neither agree nor disagree on %j written as %j in another script',
    async (work, query) => {
      const [creator, named] = await titleKeysOf([work, query]);
      expect(creatorAgreement(named, [creator!])).toBe('NONE');
    },
  );

  it.each([
    ['Emily Carter', 'Daniel Brooks'],
    ['田中 花子', '鈴木 一郎'],
  ])('should tell %j from %j written in the same script', async (work, query) => {
    const [creator, named] = await titleKeysOf([work, query]);
    expect(creatorAgreement(named, [creator!])).toBe('MISMATCH');
  });
});

describe('scores', () => {
  it.each([
    ['風の街', '風邪の街'],
    ['風邪の街', '風の街'],
  ])(
    'should not read %j for %j: a kanji one side lacks is not written in kana by the other',
    async (registered, query) => {
      const work = await scored(registered, query);
      expect(work.method).not.toBe(MatchMethod.READING);
      expect(decideMatch([work]).outcome).not.toBe('MATCHED');
    },
  );

  it.each(['さくらの雨', '桜之雨', '桜の あめ'])(
    'should read %j for 桜の雨: what one side writes in kanji the other writes in kana',
    async (query) => {
      const work = await scored('桜の雨', query);
      expect(work.method).toBe(MatchMethod.READING);
    },
  );

  it('should never be certain of the same words in another order', async () => {
    const work = await scored('Boy Meets Girl', 'Girl Meets Boy');
    expect(work.score).toBeLessThanOrEqual(MATCHING.reorderedCap);
    expect(decideMatch([work]).outcome).toBe('AMBIGUOUS');
  });

  it.each([
    ['紅の剣士', 'Kurenai no Kenshi'],
    ['2人の夏休み', 'Futari no Natsuyasumi'],
  ])(
    'should hold %j as a candidate for %j, which the dictionary reads otherwise',
    async (registered, query) => {
      const work = await scored(registered, query);
      expect(work.score).toBe(MATCHING.candidateScore);
      expect(decideMatch([work]).outcome).toBe('AMBIGUOUS');
    },
  );

  it('should not hold a kanji title whose reading is unlike the query', async () => {
    const work = await scored('紅の剣士', 'Natsuyasumi');
    expect(work.score).toBeLessThan(MATCHING.candidateScore);
  });

  it('should decide with the thresholds it is given (to measure them)', async () => {
    const work = await scored('Summer Rain', 'Summer Rains');
    expect(work.method).toBe(MatchMethod.FUZZY);
    const thresholds = { ...MATCHING, certainScore: work.score };
    expect(decideMatch([work], thresholds).outcome).toBe('MATCHED');
    expect(
      decideMatch([work], { ...thresholds, certainScore: work.score + 0.01 }).outcome,
    ).not.toBe('MATCHED');
  });
});

describe('decorated titles', () => {
  it.each([
    ['桜の雨 (Live)', MatchMethod.EXACT_TITLE],
    ['桜の雨 feat. 初音ミク', MatchMethod.EXACT_TITLE],
    ['桜の雨 [2019 Remaster]', MatchMethod.EXACT_TITLE],
    ['桜の雨 - Single', MatchMethod.EXACT_TITLE],
    ['Sakura no Ame (Acoustic ver.)', MatchMethod.READING],
  ])('should find 桜の雨 for certain in %j, below the bare title', async (query, method) => {
    const work = await scored('桜の雨', query);
    expect(work.method).toBe(method);
    expect(work.score).toBeLessThan(MATCHING.readingScore);
    expect(decideMatch([work]).outcome).toBe('MATCHED');
  });

  it('should keep a sequel apart even behind decorations', async () => {
    const work = await scored('Dragon Road 2', 'Dragon Road 3 (Remastered)');
    expect(decideMatch([work]).outcome).not.toBe('MATCHED');
  });
});

describe('titles held whole', () => {
  it('should report a work whose whole title a longer query holds as nearby, not a candidate', async () => {
    const work = await scored('桜の雨', '桜の雨が降る日');
    expect(work.holdsTitle).toBe(true);
    const decision = decideMatch([work]);
    expect(decision.outcome).toBe('NONE');
    expect(decision.nearby.map((near) => near.workId)).toEqual(['w']);
  });

  it.each([
    ['桜の雨', '桜'],
    ['雨', '雨の日'],
  ])('should not count %j as held by %j', async (registered, query) => {
    expect((await scored(registered, query)).holdsTitle).toBe(false);
  });
});

describe('disguised titles', () => {
  it.each([
    ['Hope', 'Норе'], // Cyrillic
    ['Hope Song', 'Ηоре Ѕоng'], // Greek and Cyrillic
    ['Last Train', 'ʟᴀꜱᴛ ᴛʀᴀɪɴ'], // small capitals
    ['桜の雨', '桜\u2060の雨'], // word joiner
    ['桜の雨', '桜\u200bの\u00ad雨'], // zero-width space, soft hyphen
  ])('should see %j in %j', async (registered, query) => {
    const work = await scored(registered, query);
    expect(work.method).toBe(MatchMethod.EXACT_TITLE);
    expect(decideMatch([work]).outcome).toBe('MATCHED');
  });

  it('should hold a title with an invisible character inside a longer query', async () => {
    expect((await scored('桜の雨', '桜\u2060の雨が降る夜に')).holdsTitle).toBe(true);
  });

  it.each([
    ['Midnight Train', 'Midnite Trains', ['Ann Lee'], 'Zed Q'],
    ['Midnight Train', 'Midnight Trian II', [], undefined],
  ])(
    'should keep %j a candidate of %j whatever creator or number the query names',
    async (registered, query, creators, by) => {
      const work = await scored(registered, query, creators, by);
      expect(decideMatch([work]).outcome).toBe('AMBIGUOUS');
    },
  );
});

describe('nearby works', () => {
  it('should report every work whose whole title the query holds, however many', () => {
    const held = Array.from({ length: 12 }, (_, i) => ({
      workId: `w${String(i).padStart(2, '0')}`,
      method: MatchMethod.PARTIAL,
      score: 0.1,
      creator: 'NONE' as const,
      holdsTitle: true,
      titleScore: 0.1,
    }));
    expect(decideMatch(held).nearby).toHaveLength(12);
  });
});
