import { Matches, type ValidationOptions } from 'class-validator';

/** A calendar date `YYYY-MM-DD`. */
export const IsCalendarDate = (options?: ValidationOptions) =>
  Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    message: '$property must be a date YYYY-MM-DD',
    ...options,
  });

/** ISO 3166-1 alpha-2 territory or `WORLD`. */
export const IsTerritory = (options?: ValidationOptions) =>
  Matches(/^([A-Z]{2}|WORLD)$/, {
    message: '$property must be ISO 3166-1 alpha-2 or WORLD',
    ...options,
  });
