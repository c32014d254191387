import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { apiError } from '#libs/auth';
import { CALENDAR_DATE_RULE, INSTANT_RULE, isCalendarDate, isInstant } from '#libs/contracts';

/** A String argument that is a calendar date (isCalendarDate) or absent, else BAD_USER_INPUT. */
@Injectable()
export class CalendarDateArgPipe implements PipeTransform<unknown> {
  transform(value: unknown, { data }: ArgumentMetadata): unknown {
    if (value === undefined || value === null) return value;
    if (typeof value !== 'string' || !isCalendarDate(value))
      throw apiError('BAD_USER_INPUT', `${data ?? 'the argument'} must be ${CALENDAR_DATE_RULE}`);
    return value;
  }
}

/** A String argument that is an ISO 8601 instant with its offset (isInstant) or absent, else BAD_USER_INPUT. */
@Injectable()
export class InstantArgPipe implements PipeTransform<unknown> {
  transform(value: unknown, { data }: ArgumentMetadata): unknown {
    if (value === undefined || value === null) return value;
    if (typeof value !== 'string' || !isInstant(value))
      throw apiError('BAD_USER_INPUT', `${data ?? 'the argument'} must be ${INSTANT_RULE}`);
    return value;
  }
}
