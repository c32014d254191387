import { type ArgumentMetadata, Injectable, type PipeTransform, type Type } from '@nestjs/common';
import { apiError } from '#libs/auth';
import { CALENDAR_DATE_RULE, INSTANT_RULE, isCalendarDate, isInstant } from '#libs/contracts';

/** A pipe for String arguments that pass `accepts` or are absent; anything else is BAD_USER_INPUT. */
function stringArgPipe(accepts: (value: string) => boolean, rule: string): Type<PipeTransform> {
  @Injectable()
  class StringArgPipe implements PipeTransform<unknown> {
    transform(value: unknown, { data }: ArgumentMetadata): unknown {
      if (value === undefined || value === null) return value;
      if (typeof value !== 'string' || !accepts(value))
        throw apiError('BAD_USER_INPUT', `${data ?? 'the argument'} must be ${rule}`);
      return value;
    }
  }
  return StringArgPipe;
}

/** A String argument that is a calendar date (isCalendarDate) or absent. */
export const CalendarDateArgPipe = stringArgPipe(isCalendarDate, CALENDAR_DATE_RULE);

/** A String argument that is an ISO 8601 instant with its offset (isInstant) or absent. */
export const InstantArgPipe = stringArgPipe(isInstant, INSTANT_RULE);
