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
}

export function formatters(language: Language): Formatters {
  const locale = LOCALES[language];
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const numberFormat = new Intl.NumberFormat(locale);
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
      const instant = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
      const parsed = new Date(instant);
      return Number.isNaN(parsed.getTime()) ? value : dateFormat.format(parsed);
    },
    dateTime(value) {
      const parsed = new Date(value);
      return Number.isNaN(parsed.getTime()) ? value : dateTimeFormat.format(parsed);
    },
    number(value) {
      return numberFormat.format(value);
    },
  };
}

export function useFormat(): Formatters {
  const { language } = useLanguage();
  return useMemo(() => formatters(language), [language]);
}
