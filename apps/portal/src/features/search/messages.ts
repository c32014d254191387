import { defineMessages } from '../../i18n/i18n';

export const messages = defineMessages({
  en: {
    title: 'Find a work',
    intro: 'Search every registered work by title, creator or identifier (ISWC, ISRC, ISAN, ISBN).',
    queryLabel: 'Title, creator or identifier',
    search: 'Search',
    results: '{count} works found',
    noResults: 'No work matches. Check the spelling, or try part of the title.',
  },
  ja: {
    title: '作品を探す',
    intro:
      '登録されたすべての作品を、題名・作者名・識別子（ISWC、ISRC、ISAN、ISBN）で検索できます。',
    queryLabel: '題名・作者名・識別子',
    search: '検索',
    results: '{count} 件の作品が見つかりました',
    noResults: '一致する作品はありません。表記を確かめるか、題名の一部でお試しください。',
  },
});
