import { defineMessages } from './i18n';

/** Every way a platform may use a work (the API's UseType), in the order pages list them. */
export const USE_TYPES = [
  'STREAM',
  'DOWNLOAD',
  'BROADCAST',
  'SNS_POST',
  'VIDEO_POST',
  'ONLINE_READING',
  'PUBLIC_PERFORMANCE',
] as const;
export type UseTypeName = (typeof USE_TYPES)[number];

/** Uses and work categories in words (pages never show the API's enum values). */
export const useTypeWords = defineMessages({
  en: {
    STREAM: 'Streaming',
    DOWNLOAD: 'Downloads',
    BROADCAST: 'Broadcasts',
    SNS_POST: 'Posts on social networks',
    VIDEO_POST: 'Videos posted on video sites',
    ONLINE_READING: 'Reading online',
    PUBLIC_PERFORMANCE: 'Public performances',
    MUSIC: 'Music',
    FILM: 'Film',
    TV_PROGRAM: 'TV programme',
    GAME: 'Game',
    MANGA: 'Manga',
    BOOK: 'Book',
    UGC: 'User-made content',
  },
  ja: {
    STREAM: 'ストリーミング配信',
    DOWNLOAD: 'ダウンロード販売・配信',
    BROADCAST: '放送',
    SNS_POST: 'SNSへの投稿',
    VIDEO_POST: '動画サイトへの投稿',
    ONLINE_READING: 'オンラインでの閲覧',
    PUBLIC_PERFORMANCE: '公の演奏・上演',
    MUSIC: '音楽',
    FILM: '映画',
    TV_PROGRAM: 'テレビ番組',
    GAME: 'ゲーム',
    MANGA: 'マンガ',
    BOOK: '書籍',
    UGC: 'ユーザー投稿コンテンツ（UGC）',
  },
});
