/** Why money waits, as the key of its plain-words sentence. */
export function reasonKey(
  reason: string,
): 'reasonUnclaimed' | 'reasonUnidentified' | 'reasonDisputed' | 'reasonNoUsage' | 'reasonHeld' {
  switch (reason) {
    case 'UNCLAIMED':
      return 'reasonUnclaimed';
    case 'UNIDENTIFIED':
      return 'reasonUnidentified';
    case 'DISPUTED':
      return 'reasonDisputed';
    case 'NO_USAGE':
      return 'reasonNoUsage';
    default:
      return 'reasonHeld';
  }
}

/**
 * The last day of a period given as [start, end): the API's end is the day after, people read
 * "1 to 30 November".
 */
export function lastDayOf(periodEnd: string): string {
  const end = new Date(`${periodEnd}T00:00:00Z`);
  return new Date(end.getTime() - 86_400_000).toISOString().slice(0, 10);
}
