import { describe, expect, it } from '@jest/globals';
import { OptOutScope, UseType, WorkCategory } from '#libs/contracts';
import { NOTICE_KINDS, NoticeKind, type KindAndParams } from '../notices/domain/notice.js';
import { formatDay, formatMoney, minorToDecimal, noticeText } from './notice-texts.js';

const LINKS = {
  page: 'http://127.0.0.1:4000/money/statements/0b7c',
  settings: 'http://127.0.0.1:4000/account?lang=en#notices-heading',
};

const EXAMPLES: Record<NoticeKind, KindAndParams> = {
  [NoticeKind.OPT_OUT_CONFIRMED]: {
    kind: NoticeKind.OPT_OUT_CONFIRMED,
    params: {
      scope: OptOutScope.WORK,
      workTitle: '夜に駆ける',
      useTypes: [UseType.STREAM, UseType.SNS_POST],
      effectiveFrom: '2026-11-30T15:00:00Z',
      path: '/opt-outs',
    },
  },
  [NoticeKind.STATEMENT_AVAILABLE]: {
    kind: NoticeKind.STATEMENT_AVAILABLE,
    params: {
      periodFrom: '2026-10-01',
      periodTo: '2026-10-31',
      category: WorkCategory.MUSIC,
      amount: { amountMinor: '1234567', currency: 'JPY' },
      path: '/money/statements/0b7c',
    },
  },
  [NoticeKind.CLAIM_SETTLED]: {
    kind: NoticeKind.CLAIM_SETTLED,
    params: {
      workTitle: 'Blue Train',
      amount: { amountMinor: '123450', currency: 'EUR' },
      settledAt: '2026-12-01T02:00:00Z',
      path: '/money/claims',
    },
  },
  [NoticeKind.DISPUTE_OPENED]: {
    kind: NoticeKind.DISPUTE_OPENED,
    params: {
      workTitle: 'Blue Train',
      reason: 'The lyrics are mine.',
      openedAt: '2026-12-02',
      path: '/works/5f1e',
    },
  },
  [NoticeKind.WEBHOOK_ENDPOINT_DISABLED]: {
    kind: NoticeKind.WEBHOOK_ENDPOINT_DISABLED,
    params: {
      url: 'https://hooks.example.com/clearinghouse',
      failingSince: '2026-11-25T03:00:00.000Z',
      failedAttempts: 14,
      path: '/',
    },
  },
};

describe(noticeText.name, () => {
  it.each(NOTICE_KINDS)('should write %s in Japanese and in English, with both links', (kind) => {
    const ja = noticeText(EXAMPLES[kind], 'ja', LINKS);
    const en = noticeText(EXAMPLES[kind], 'en', LINKS);
    for (const mail of [ja, en]) {
      expect(mail.text).toContain(LINKS.page);
      expect(mail.text).toContain(LINKS.settings);
      expect(mail.text.indexOf(LINKS.page)).toBeLessThan(mail.text.indexOf(LINKS.settings));
      expect(mail.text).not.toMatch(/undefined|null|NaN|Invalid Date|[A-Z]{2,}_[A-Z]+/);
    }
    expect(ja.subject).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(ja.text).toContain('クリアリングハウス');
    expect(en.subject).toMatch(/^[\x20-\x7e]+$/);
    expect(en.text).toContain('The copyright licensing clearinghouse');
  });

  it('should name the work, the uses in words and the day in Japan of an opt-out', () => {
    const ja = noticeText(EXAMPLES[NoticeKind.OPT_OUT_CONFIRMED], 'ja', LINKS).text;
    const en = noticeText(EXAMPLES[NoticeKind.OPT_OUT_CONFIRMED], 'en', LINKS).text;
    expect(ja).toContain('「夜に駆ける」');
    expect(ja).toContain('ストリーミング配信、SNSへの投稿');
    // 15:00 UTC on 30 November is midnight of 1 December in Tokyo.
    expect(ja).toContain('2026年12月1日');
    expect(en).toContain('Streaming and Posts on social networks');
    expect(en).toContain('1 December 2026');
  });

  it('should say every use and all works when the opt-out names none', () => {
    const notice: KindAndParams = {
      kind: NoticeKind.OPT_OUT_CONFIRMED,
      params: {
        scope: OptOutScope.ALL_WORKS,
        workTitle: null,
        useTypes: [],
        effectiveFrom: '2027-01-01',
        path: '/opt-outs',
      },
    };
    expect(noticeText(notice, 'en', LINKS).text).toContain(
      'Works: all your works\nUses: every use',
    );
    expect(noticeText(notice, 'ja', LINKS).text).toContain('あなたのすべての作品');
  });

  it('should write amounts of a statement per locale from minor units', () => {
    const ja = noticeText(EXAMPLES[NoticeKind.STATEMENT_AVAILABLE], 'ja', LINKS).text;
    const en = noticeText(EXAMPLES[NoticeKind.STATEMENT_AVAILABLE], 'en', LINKS).text;
    expect(ja).toContain('￥1,234,567');
    expect(ja).toContain('2026年10月1日から2026年10月31日まで');
    expect(ja).toContain('分野：音楽');
    expect(en).toContain('¥1,234,567');
    expect(en).toContain('from 1 October 2026 to 31 October 2026');
    expect(noticeText(EXAMPLES[NoticeKind.CLAIM_SETTLED], 'en', LINKS).text).toContain('€1,234.50');
  });
});

describe(formatMoney.name, () => {
  it('should format exactly, beyond what a double holds', () => {
    expect(formatMoney({ amountMinor: '900719925474099312', currency: 'USD' }, 'en')).toBe(
      '$9,007,199,254,740,993.12',
    );
    expect(formatMoney({ amountMinor: '-5', currency: 'EUR' }, 'en')).toBe('-€0.05');
    expect(formatMoney({ amountMinor: '0', currency: 'JPY' }, 'ja')).toBe('￥0');
  });

  it('should place the decimal point by the currency', () => {
    expect(minorToDecimal('7', 2)).toBe('0.07');
    expect(minorToDecimal('-1050', 2)).toBe('-10.50');
    expect(minorToDecimal('1500', 0)).toBe('1500');
  });
});

describe(formatDay.name, () => {
  it('should write a calendar date as that day, an instant as its day in Japan', () => {
    expect(formatDay('2026-12-31', 'en')).toBe('31 December 2026');
    expect(formatDay('2026-12-31', 'ja')).toBe('2026年12月31日');
    expect(formatDay('2026-12-31T20:00:00Z', 'en')).toBe('1 January 2027');
  });
});
