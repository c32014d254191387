import { CURRENCY_EXPONENTS, OptOutScope } from '#libs/contracts';
import type { Language } from '../accounts/domain/language.js';
import { NoticeKind, type KindAndParams, type Money } from '../notices/domain/notice.js';
import { SIGNATURE } from './mail-texts.js';

const LOCALES: Record<Language, string> = { ja: 'ja-JP', en: 'en-GB' };

/**
 * Uses and categories of works in words: the same words as the portal's pages
 * (apps/portal/src/i18n/use-types.ts), which mails link to.
 */
const WORDS: Record<Language, Record<string, string>> = {
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
};

/** Decimal string of an amount in integer minor units (exact: no floating point). */
export function minorToDecimal(amountMinor: string, fractionDigits: number): string {
  const negative = amountMinor.startsWith('-');
  const digits = (negative ? amountMinor.slice(1) : amountMinor).replace(/^0+(?=\d)/, '');
  if (fractionDigits === 0) return `${negative ? '-' : ''}${digits}`;
  const padded = digits.padStart(fractionDigits + 1, '0');
  return `${negative ? '-' : ''}${padded.slice(0, -fractionDigits)}.${padded.slice(-fractionDigits)}`;
}

/** An amount as the language writes money: ￥12,345 (ja), ¥12,345 or €1,234.50 (en). */
export function formatMoney(money: Money, language: Language): string {
  const format = new Intl.NumberFormat(LOCALES[language], {
    style: 'currency',
    currency: money.currency,
    currencyDisplay: language === 'en' ? 'narrowSymbol' : 'symbol',
  });
  const decimal = minorToDecimal(money.amountMinor, CURRENCY_EXPONENTS[money.currency] ?? 0);
  // Intl formats a decimal string exactly (no conversion to a double).
  return format.format(decimal as unknown as number);
}

/**
 * A day as the language writes it: a calendar date (YYYY-MM-DD) is that day; an instant is its
 * day in Japan, the clearinghouse's calendar (a mail knows no reader's time zone).
 */
export function formatDay(value: string, language: Language): string {
  const calendarDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'long',
    timeZone: calendarDate ? 'UTC' : 'Asia/Tokyo',
  }).format(new Date(calendarDate ? `${value}T00:00:00Z` : value));
}

function listOf(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(LOCALES[language], { type: 'conjunction' }).format(items);
}

function words(values: readonly string[], language: Language): string {
  return listOf(
    values.map((value) => WORDS[language][value] ?? value),
    language,
  );
}

/** The subject and the text before the link, of a notice in one language. */
function body(notice: KindAndParams, language: Language): { subject: string; text: string } {
  const ja = language === 'ja';
  switch (notice.kind) {
    case NoticeKind.OPT_OUT_CONFIRMED: {
      const p = notice.params;
      const works =
        p.scope === OptOutScope.WORK
          ? ja
            ? `「${p.workTitle}」`
            : `"${p.workTitle}"`
          : ja
            ? 'あなたのすべての作品'
            : 'all your works';
      const uses =
        p.useTypes.length === 0 ? (ja ? 'すべての利用' : 'every use') : words(p.useTypes, language);
      const from = formatDay(p.effectiveFrom, language);
      return ja
        ? {
            subject: 'オプトアウトを受け付けました',
            text: `次のオプトアウト（利用の停止）を受け付けました。\n\n対象の作品：${works}\n利用の種類：${uses}\n効力の発生日：${from}\n\nこの日から、対象の利用は拡大集中許諾で許諾されなくなり、その利用の許諾を受けていたプラットフォームには取り消しが通知されます。\n\n内容は次のページで確認できます。`,
          }
        : {
            subject: 'Your opt-out is confirmed',
            text: `We registered your opt-out.\n\nWorks: ${works}\nUses: ${uses}\nFrom: ${from}\n\nFrom that day these uses are no longer licensed under extended collective licensing, and the platforms licensed for them are told their licences are revoked.\n\nSee it here:`,
          };
    }
    case NoticeKind.STATEMENT_AVAILABLE: {
      const p = notice.params;
      const from = formatDay(p.periodFrom, language);
      const to = formatDay(p.periodTo, language);
      const amount = formatMoney(p.amount, language);
      const category = p.category ? WORDS[language][p.category] : undefined;
      return ja
        ? {
            subject: '分配の明細をご覧いただけます',
            text: `${from}から${to}までの利用について、分配の明細ができました。\n\n${category ? `分野：${category}\n` : ''}お受け取りになる金額：${amount}\n\n明細は次のページで確認できます。`,
          }
        : {
            subject: 'Your statement is ready',
            text: `Your statement for uses from ${from} to ${to} is ready.\n\n${category ? `Category: ${category}\n` : ''}Amount for you: ${amount}\n\nSee the statement here:`,
          };
    }
    case NoticeKind.CLAIM_SETTLED: {
      const p = notice.params;
      const amount = formatMoney(p.amount, language);
      const day = formatDay(p.settledAt, language);
      return ja
        ? {
            subject: 'お預かりしていたお金の請求が認められました',
            text: `${p.workTitle ? `「${p.workTitle}」について、` : ''}お預かりしていたお金の請求が認められ、${day}に${amount}のお支払いが決まりました。\n\n内容は次のページで確認できます。`,
          }
        : {
            subject: 'Your claim is settled',
            text: `Your claim on money waiting for you${p.workTitle ? ` for "${p.workTitle}"` : ''} was approved: ${amount} was settled to you on ${day}.\n\nSee it here:`,
          };
    }
    case NoticeKind.DISPUTE_OPENED: {
      const p = notice.params;
      const day = formatDay(p.openedAt, language);
      return ja
        ? {
            subject: 'あなたの作品の権利に異議が申し立てられました',
            text: `${day}に、あなたの作品「${p.workTitle}」の権利について異議が申し立てられました。\n\n理由：${p.reason}\n\n内容の確認と回答は、次のページからできます。`,
          }
        : {
            subject: 'A dispute was opened on one of your works',
            text: `On ${day} a dispute was opened about the rights in your work "${p.workTitle}".\n\nReason given: ${p.reason}\n\nSee the dispute and answer it here:`,
          };
    }
    case NoticeKind.WEBHOOK_ENDPOINT_DISABLED: {
      const p = notice.params;
      const since = p.failingSince ? formatDay(p.failingSince, language) : undefined;
      return ja
        ? {
            subject: 'Webhook の送信先を停止しました',
            text: `送信先 ${p.url} への配信が${since ? `${since}から` : ''}${p.failedAttempts}回続けて失敗したため、この送信先を停止しました。\n\n受信側を直したあと、送信先を有効に戻し、止まっていた間の配信を再送してください。`,
          }
        : {
            subject: 'A webhook endpoint was turned off',
            text: `Deliveries to ${p.url} failed ${p.failedAttempts} times in a row${since ? ` since ${since}` : ''}, so the endpoint was turned off.\n\nOnce the receiver is fixed, turn the endpoint on again and redeliver what it missed.`,
          };
    }
  }
}

const SETTINGS_LINE: Record<Language, (link: string) => string> = {
  ja: (link) => `このお知らせが不要な場合は、アカウントのページで止められます。\n${link}`,
  en: (link) => `You can turn these notices off on your account page:\n${link}`,
};

/**
 * A notice's mail in the reader's language: what happened, the link to the portal's page
 * about it, and where the reader turns such notices off.
 */
export function noticeText(
  notice: KindAndParams,
  language: Language,
  links: { page: string; settings: string },
): { subject: string; text: string } {
  const { subject, text } = body(notice, language);
  return {
    subject,
    text: `${text}\n\n${links.page}\n\n${SETTINGS_LINE[language](links.settings)}\n\n${SIGNATURE[language]}\n`,
  };
}
