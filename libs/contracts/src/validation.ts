import { Matches, type ValidationOptions } from 'class-validator';

const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Whether `value` is a calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  return (
    CALENDAR_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
  );
}

/** A calendar date `YYYY-MM-DD` (its form; domain checks use isCalendarDate). */
export const IsCalendarDate = (options?: ValidationOptions) =>
  Matches(CALENDAR_DATE, {
    message: '$property must be a date YYYY-MM-DD',
    ...options,
  });

/** ISO 3166-1 alpha-2 territory or `WORLD`. */
export const IsTerritory = (options?: ValidationOptions) =>
  Matches(/^([A-Z]{2}|WORLD)$/, {
    message: '$property must be ISO 3166-1 alpha-2 or WORLD',
    ...options,
  });
