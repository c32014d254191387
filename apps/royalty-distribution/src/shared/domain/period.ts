import { CALENDAR_DATE_RULE, isCalendarDate } from '#libs/contracts';

/** What is wrong with a period [periodStart, periodEnd) of a report or a batch. */
export function periodProblem(periodStart: string, periodEnd: string): string | undefined {
  if (!isCalendarDate(periodStart) || !isCalendarDate(periodEnd))
    return `periodStart and periodEnd must each be ${CALENDAR_DATE_RULE}`;
  if (periodEnd <= periodStart)
    return 'periodEnd must be after periodStart (the period is [start, end))';
  return undefined;
}
