import { defineMessages } from './i18n';

/**
 * A work's category and the uses of a work as words (never the API's enum values), shared by
 * every page that shows a work. Keys are the API's values.
 */
export const workLabels = defineMessages({
  en: {
    MUSIC: 'Music',
    FILM: 'Film',
    TV_PROGRAM: 'TV programme',
    GAME: 'Game',
    MANGA: 'Manga',
    BOOK: 'Book',
    UGC: 'Made by users (posts, videos)',
    STREAM: 'Streaming',
    DOWNLOAD: 'Downloads',
    BROADCAST: 'Broadcasting',
    SNS_POST: 'Social media posts',
    VIDEO_POST: 'Video posts',
    ONLINE_READING: 'Reading online',
    PUBLIC_PERFORMANCE: 'Public performance',
  },
  ja: {
    MUSIC: '音楽',
    FILM: '映画',
    TV_PROGRAM: 'テレビ番組',
    GAME: 'ゲーム',
    MANGA: 'マンガ',
    BOOK: '書籍',
    UGC: '利用者の作品（投稿・動画）',
    STREAM: '配信（ストリーミング）',
    DOWNLOAD: 'ダウンロード',
    BROADCAST: '放送',
    SNS_POST: 'SNSへの投稿',
    VIDEO_POST: '動画投稿',
    ONLINE_READING: 'オンラインでの閲覧',
    PUBLIC_PERFORMANCE: '公の演奏・上演',
  },
});

export const WORK_CATEGORIES = [
  'MUSIC',
  'FILM',
  'TV_PROGRAM',
  'GAME',
  'MANGA',
  'BOOK',
  'UGC',
] as const;
export const USE_TYPES = [
  'STREAM',
  'DOWNLOAD',
  'BROADCAST',
  'SNS_POST',
  'VIDEO_POST',
  'ONLINE_READING',
  'PUBLIC_PERFORMANCE',
] as const;
