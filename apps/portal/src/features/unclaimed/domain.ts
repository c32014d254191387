/**
 * The title a reserve is known by: its work's title, else the title the platform reported for an
 * unidentified work (its reference reads `title:<title>` or `title:<title>|creator:<creator>`).
 */
export function reserveTitle(reserve: {
  workKey: string;
  work?: { title: string } | null;
}): string | null {
  if (reserve.work) return reserve.work.title;
  const reported = /^title:([^|]*)/.exec(reserve.workKey);
  return reported?.[1]?.trim() || null;
}

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
 * Whether a title holds what the visitor typed, ignoring case, width (ｱ and ア, Ａ and A) and
 * spacing, as people type titles.
 */
export function titleHolds(title: string, query: string): boolean {
  const fold = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  return fold(title).includes(fold(query));
}
