import { describe, expect, it } from '@jest/globals';
import { act, render, screen } from '@testing-library/react';
import { common } from './common';
import { formatters, minorToDecimal } from './format';
import { initialLanguage, interpolate, LanguageProvider, useLanguage, useMessages } from './i18n';

function Greeting() {
  const t = useMessages(common);
  const { setLanguage } = useLanguage();
  return (
    <>
      <p>{t('siteName')}</p>
      <button type="button" onClick={() => setLanguage('en')}>
        en
      </button>
    </>
  );
}

describe('portal languages', () => {
  it('should start in the stored choice, else the browser language, else Japanese', () => {
    expect(initialLanguage('en', ['ja-JP'])).toBe('en');
    expect(initialLanguage(null, ['fr-FR', 'en-US'])).toBe('en');
    expect(initialLanguage(null, ['ja'])).toBe('ja');
    expect(initialLanguage(null, ['de-DE'])).toBe('ja');
    expect(initialLanguage('xx', [])).toBe('ja');
  });

  it('should have every shared text in both languages, none empty', () => {
    expect(Object.keys(common.ja).sort()).toEqual(Object.keys(common.en).sort());
    for (const text of [...Object.values(common.en), ...Object.values(common.ja)]) {
      expect(text.trim()).not.toBe('');
    }
  });

  it('should switch the page language and the html lang attribute', () => {
    render(
      <LanguageProvider language="ja">
        <Greeting />
      </LanguageProvider>,
    );
    expect(screen.getByText('著作権クリアリングハウス')).toBeTruthy();
    expect(document.documentElement.lang).toBe('ja');
    act(() => screen.getByRole('button', { name: 'en' }).click());
    expect(screen.getByText('Copyright Clearinghouse')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('clearinghouse.language')).toBe('en');
  });

  it('should fill placeholders and leave unknown ones', () => {
    expect(interpolate('{from}–{to} of {total}', { from: 1, to: 20, total: 134 })).toBe(
      '1–20 of 134',
    );
    expect(interpolate('{missing}', {})).toBe('{missing}');
  });
});

describe('amounts and dates', () => {
  it('should turn minor units into exact decimals', () => {
    expect(minorToDecimal('12345', 0)).toBe('12345');
    expect(minorToDecimal('12345', 2)).toBe('123.45');
    expect(minorToDecimal('5', 2)).toBe('0.05');
    expect(minorToDecimal('-5', 2)).toBe('-0.05');
    expect(minorToDecimal('90071992547409931', 0)).toBe('90071992547409931');
  });

  it('should write yen and euros as each language does', () => {
    expect(formatters('ja').money({ amountMinor: '1234567', currency: 'JPY' })).toBe('￥1,234,567');
    expect(formatters('en').money({ amountMinor: '1234567', currency: 'JPY' })).toBe('¥1,234,567');
    expect(formatters('en').money({ amountMinor: '123456', currency: 'EUR' })).toBe('€1,234.56');
  });

  it('should write calendar dates in the language, as the day they name', () => {
    expect(formatters('ja').date('2026-04-01')).toBe('2026年4月1日');
    expect(formatters('en').date('2026-04-01')).toBe('1 April 2026');
    // An instant is a day of the visitor's calendar: midnight in Tokyo is that day in Tokyo.
    const tokyoMidnight = new Date(2026, 11, 1).toISOString();
    expect(formatters('en').date(tokyoMidnight)).toBe('1 December 2026');
  });
});
