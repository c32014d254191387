import { Matches, ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Calendar dates the API takes: licence periods, memberships, usage days, batch periods, "as of"
 * days. All of them fall in the clearinghouse's own era; a year before 1900 is a typo (0226 for
 * 2026) that would silently make a period span centuries, and years have four digits.
 */
export const FIRST_CALENDAR_YEAR = 1900;
export const LAST_CALENDAR_YEAR = 9999;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Half of a UTF-16 surrogate pair without its other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether year-month-day names a day that exists in the proleptic Gregorian calendar. */
function dayExists(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Whether `value` is a calendar date `YYYY-MM-DD` that exists (no 2026-02-30), from
 * FIRST_CALENDAR_YEAR to LAST_CALENDAR_YEAR.
 */
export function isCalendarDate(value: string): boolean {
  const parts = CALENDAR_DATE.exec(value);
  if (!parts) return false;
  const [year, month, day] = parts.slice(1, 4).map(Number) as [number, number, number];
  return year >= FIRST_CALENDAR_YEAR && year <= LAST_CALENDAR_YEAR && dayExists(year, month, day);
}

/**
 * Whether `value` is an ISO 8601 instant: a date that exists (years 0001 to 9999), a time
 * `hh:mm`, `hh:mm:ss` or `hh:mm:ss.fff`, and an offset (`Z` or `±hh:mm`). `1` or a date
 * alone is not an instant.
 */
export function isInstant(value: string): boolean {
  const parts = INSTANT.exec(value);
  if (!parts) return false;
  const [year, month, day] = parts.slice(1, 4).map(Number) as [number, number, number];
  return year >= 1 && dayExists(year, month, day);
}

/** Whether `value` is a UUID (any version: every id of the API is one). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * Whether `value` is text PostgreSQL and UTF-8 can hold: no NUL character and no lone
 * surrogate (half of a UTF-16 pair).
 */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

export const CALENDAR_DATE_RULE = `a date YYYY-MM-DD that exists, from ${FIRST_CALENDAR_YEAR}-01-01 to ${LAST_CALENDAR_YEAR}-12-31`;
export const INSTANT_RULE =
  'an ISO 8601 instant with a date that exists, a time and an offset, e.g. 2026-12-01T09:00:00Z';

/** A calendar date `YYYY-MM-DD` that exists (isCalendarDate). */
export const IsCalendarDate = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) => typeof value === 'string' && isCalendarDate(value),
        defaultMessage: () => `$property must be ${CALENDAR_DATE_RULE}`,
      },
    },
    options,
  );

/** An ISO 8601 instant with its offset (isInstant). */
export const IsInstant = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value) => typeof value === 'string' && isInstant(value),
        defaultMessage: () => `$property must be ${INSTANT_RULE}`,
      },
    },
    options,
  );

/** An id of the API: a UUID (isUuid). */
export const IsId = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isId',
      validator: {
        validate: (value) => typeof value === 'string' && isUuid(value),
        defaultMessage: () => '$property must be a UUID',
      },
    },
    options,
  );

/** ISO 3166-1 alpha-2 territory or `WORLD`. */
export const IsTerritory = (options?: ValidationOptions) =>
  Matches(/^([A-Z]{2}|WORLD)$/, {
    message: '$property must be ISO 3166-1 alpha-2 or WORLD',
    ...options,
  });
