import { defineMessages } from '../../i18n/i18n';

export const messages = defineMessages({
  en: {
    title: 'Opt-out register',
    intro1:
      'Under extended collective licensing, platforms may use any work and pay its holders through a society, even holders who are not members. A holder who does not want this can opt out.',
    intro2:
      'The works below are out of the scheme for the uses shown: a platform that wants to use them that way needs the holder’s own permission. The register shows no personal data.',
    queryLabel: 'Title (or part of it)',
    categoryLabel: 'Category',
    allCategories: 'All categories',
    show: 'Show',
    caption: 'Works out of the scheme',
    captionCategory: 'Works out of the scheme: {category}',
    work: 'Work',
    category: 'Category',
    uses: 'Uses',
    since: 'From',
    allUses: 'All uses',
    empty: 'No work is out of the scheme in this category.',
    noMatch:
      'No work in the register matches “{query}”. Check the spelling or try part of the title.',
  },
  ja: {
    title: 'オプトアウト登録簿',
    intro1:
      '拡大集中許諾制度では、プラットフォームはあらゆる作品を利用でき、協会を通じて権利者に分配金が支払われます。協会の会員でない権利者も同じです。これを望まない権利者は、オプトアウト（制度からの除外）を申し出ることができます。',
    intro2:
      '次の作品は、表示された利用方法について制度の対象外です。その方法で利用したいプラットフォームは、権利者本人の許諾を得る必要があります。この登録簿に個人情報は表示しません。',
    queryLabel: '題名（一部でも可）',
    categoryLabel: '種類',
    allCategories: 'すべての種類',
    show: '表示',
    caption: '制度の対象外の作品',
    captionCategory: '制度の対象外の作品：{category}',
    work: '作品',
    category: '種類',
    uses: '利用方法',
    since: '開始日',
    allUses: 'すべての利用',
    empty: 'この種類で制度の対象外になっている作品はありません。',
    noMatch:
      '「{query}」に一致する作品は登録簿にありません。表記を確かめるか、題名の一部でお試しください。',
  },
});
