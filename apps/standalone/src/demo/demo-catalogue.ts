import { WorkCategory, isbn13Check } from '#libs/contracts';

const withIsbnCheck = (stem: string) => `${stem}${isbn13Check(stem)}`;

export interface DemoHolder {
  key: string;
  name: string;
  member: boolean;
}

/** Right holders of the demo: members of the society and not, Japanese and English names. */
export const DEMO_SOCIETY_NAME = '日本著作物管理協会 (Demo Society)';
export const DEMO_PLATFORM_NAME = 'Demo Video Platform';

export const DEMO_HOLDERS: DemoHolder[] = [
  { key: 'yamada', name: '山田 花子', member: true },
  { key: 'sato', name: '佐藤 健', member: true },
  { key: 'studio', name: 'Studio Kaze', member: true },
  { key: 'tanaka', name: '田中 ゆい (indie)', member: false },
  { key: 'miller', name: 'Alex Miller', member: false },
  { key: 'circle', name: 'サークル星屑', member: false },
];

const TITLES: Record<WorkCategory, string[]> = {
  [WorkCategory.MUSIC]: [
    '夜明けのうた',
    'Night Drive',
    '桜の雨',
    'Blue Horizon',
    '星の記憶',
    'Summer Letter',
    '風の街',
    'Neon Rain',
  ],
  [WorkCategory.FILM]: [
    '海辺の約束',
    'The Last Train',
    '月影の森',
    'Paper Cities',
    '遠い夏',
    'Silent Harbor',
    '光の子',
  ],
  [WorkCategory.TV_PROGRAM]: [
    'おいしい旅',
    'City Stories',
    '週末キッチン',
    'Wild Japan',
    '科学のふしぎ',
    'Morning Talk',
    '街角ドキュメント',
  ],
  [WorkCategory.GAME]: [
    'ドラゴンの迷宮',
    'Star Courier',
    'ねこの冒険',
    'Pixel Garden',
    '剣と魔法の学園',
    'Orbit Run',
    '夢幻戦記',
  ],
  [WorkCategory.MANGA]: [
    '青空ヒーロー',
    'Moonlight Cafe',
    '放課後の魔法',
    'Iron Blossom',
    'となりの宇宙人',
    'Ghost Post',
    '料理人の旅',
  ],
  [WorkCategory.BOOK]: [
    '静かな図書館',
    'A Year in Kyoto',
    '雨の日の手紙',
    'Small Rivers',
    '旅する言葉',
    'The Tea House',
    '星を数える夜',
  ],
  [WorkCategory.UGC]: [
    '踊ってみた 桜',
    'My First Cover',
    'ゆっくり解説 宇宙',
    'Speedrun Highlights',
    '猫の一日',
    'Lo-fi Study Mix',
    '弾いてみた 夜明け',
  ],
};

export interface DemoWork {
  title: string;
  category: WorkCategory;
  holders: string[];
  identifier?: { scheme: 'ISRC' | 'ISBN'; value: string };
}

/** About fifty works across every category; some with identifiers, some shared. */
export function demoWorks(): DemoWork[] {
  const works: DemoWork[] = [];
  let n = 0;
  for (const [category, titles] of Object.entries(TITLES) as [WorkCategory, string[]][]) {
    for (const title of titles) {
      n += 1;
      const first = DEMO_HOLDERS[n % DEMO_HOLDERS.length]!.key;
      const second = DEMO_HOLDERS[(n + 2) % DEMO_HOLDERS.length]!.key;
      const identifier =
        category === WorkCategory.MUSIC && n % 2 === 0
          ? { scheme: 'ISRC' as const, value: `JP-D00-26-${String(n).padStart(5, '0')}` }
          : (category === WorkCategory.BOOK || category === WorkCategory.MANGA) && n % 2 === 1
            ? {
                scheme: 'ISBN' as const,
                value: withIsbnCheck(`978400${String(100000 + n).slice(-6)}`),
              }
            : undefined;
      works.push({ title, category, holders: n % 3 === 0 ? [first, second] : [first], identifier });
    }
  }
  return works;
}
