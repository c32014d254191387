/**
 * The last day of a period the API gives by its exclusive end (YYYY-MM-DD, the period is
 * [start, end)): the day before, as people write a period ("1 to 30 November").
 */
export function lastDayOf(exclusiveEnd: string): string {
  const end = new Date(`${exclusiveEnd}T00:00:00Z`);
  if (Number.isNaN(end.getTime())) return exclusiveEnd;
  return new Date(end.getTime() - 86_400_000).toISOString().slice(0, 10);
}
