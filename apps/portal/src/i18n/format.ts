import { useMemo } from 'react';
import { LOCALES, type Language, useLanguage } from './i18n';

/** Decimal string of an amount given in integer minor units (exact: no floating point). */
export function minorToDecimal(amountMinor: string, fractionDigits: number): string {
  const negative = amountMinor.startsWith('-');
  const digits = (negative ? amountMinor.slice(1) : amountMinor).replace(/^0+(?=\d)/, '');
  if (fractionDigits === 0) return `${negative ? '-' : ''}${digits}`;
  const padded = digits.padStart(fractionDigits + 1, '0');
  const whole = padded.slice(0, -fractionDigits);
  const fraction = padded.slice(-fractionDigits);
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** Minor-unit digits of a currency (JPY 0, EUR 2), as the browser's Intl knows it. */
export function fractionDigitsOf(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits!;
}

export interface Formatters {
  /** An amount of money in integer minor units, e.g. ￥12,345 (ja) or ¥12,345 (en). */
  money(money: { amountMinor: string; currency: string }): string;
  /** A calendar date (YYYY-MM-DD) or an instant, as the language writes dates. */
  date(value: string): string;
  /** An instant with its time of day. */
  dateTime(value: string): string;
  number(value: number): string;
  /** Items as one phrase: 「A、B、C」 in Japanese, "A, B and C" in English. */
  list: (items: readonly string[]) => string;
}

export function formatters(language: Language): Formatters {
  const locale = LOCALES[language];
  // A calendar date (YYYY-MM-DD) names a day, not an instant: shown as that day everywhere.
  const calendarDateFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
  // An instant (an opt-out from midnight in Tokyo, a claim's time) on the visitor's own calendar.
  const instantDateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const numberFormat = new Intl.NumberFormat(locale);
  const listFormat = new Intl.ListFormat(locale, { type: 'conjunction' });
  return {
    money({ amountMinor, currency }) {
      // "¥" rather than "JP¥" in English: the site is Japanese, the yen needs no country.
      const format = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        currencyDisplay: language === 'en' ? 'narrowSymbol' : 'symbol',
      });
      const decimal = minorToDecimal(amountMinor, fractionDigitsOf(currency));
      // Intl formats decimal strings exactly (no conversion to a double).
      return format.format(decimal as unknown as number);
    },
    date(value) {
      const calendarDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
      const parsed = new Date(calendarDate ? `${value}T00:00:00Z` : value);
      if (Number.isNaN(parsed.getTime())) return value;
      return (calendarDate ? calendarDateFormat : instantDateFormat).format(parsed);
    },
    dateTime(value) {
      const parsed = new Date(value);
      return Number.isNaN(parsed.getTime()) ? value : dateTimeFormat.format(parsed);
    },
    number(value) {
      return numberFormat.format(value);
    },
    list(items) {
      return listFormat.format(items);
    },
  };
}

export function useFormat(): Formatters {
  const { language } = useLanguage();
  return useMemo(() => formatters(language), [language]);
}
