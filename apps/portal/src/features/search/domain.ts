import { USE_TYPES } from '../../i18n/work-labels';

export type UseTypeName = (typeof USE_TYPES)[number];

/** What the public may know of an opt-out (no holder): which uses, from when, and whether withdrawn. */
export interface PublicOptOut {
  useTypes: readonly string[];
  effectiveFrom: string;
  withdrawnAt?: string | null;
  inForce: boolean;
}

/** For one use: out of the scheme from `from`, or still in it (`from` null). */
export interface UseStanding {
  useType: UseTypeName;
  from: string | null;
}

const applies = (optOut: PublicOptOut, useType: string) =>
  optOut.useTypes.length === 0 || optOut.useTypes.includes(useType);

/**
 * For every use, from when the work is out of the scheme (the earliest opt-out not withdrawn that
 * covers the use; one with no use types covers all), or null while it stays in the scheme.
 */
export function standingByUse(optOuts: readonly PublicOptOut[]): UseStanding[] {
  const live = optOuts.filter((optOut) => !optOut.withdrawnAt);
  return USE_TYPES.map((useType) => {
    const starts = live
      .filter((optOut) => applies(optOut, useType))
      .map((optOut) => optOut.effectiveFrom)
      .sort((a, b) => Date.parse(a) - Date.parse(b));
    return { useType, from: starts[0] ?? null };
  });
}

/** A work is marked "out of the scheme" when an opt-out of it is in force now. */
export function isOutOfScheme(optOuts: readonly PublicOptOut[]): boolean {
  return optOuts.some((optOut) => optOut.inForce);
}

/** How a search matched, as the key of the sentence shown for it. */
export function matchedHowKey(
  method: string,
): 'matchIdentifier' | 'matchExact' | 'matchReading' | 'matchSimilar' | 'matchPartial' {
  switch (method) {
    case 'IDENTIFIER':
      return 'matchIdentifier';
    case 'EXACT_TITLE':
      return 'matchExact';
    case 'READING':
      return 'matchReading';
    case 'FUZZY':
      return 'matchSimilar';
    default:
      return 'matchPartial';
  }
}

/**
 * An identifier in the form people write it: ISWC T-034.524.680-1, ISRC JP-S01-26-00001; others
 * (ISBN, ISAN, the registry's own) as stored.
 */
export function identifierText(scheme: string, value: string): string {
  const iswc = /^T(\d{3})(\d{3})(\d{3})(\d)$/.exec(value);
  if (scheme === 'ISWC' && iswc) return `T-${iswc[1]}.${iswc[2]}.${iswc[3]}-${iswc[4]}`;
  const isrc = /^([A-Z]{2})([A-Z0-9]{3})(\d{2})(\d{5})$/.exec(value);
  if (scheme === 'ISRC' && isrc) return `${isrc[1]}-${isrc[2]}-${isrc[3]}-${isrc[4]}`;
  return value;
}

/** The search's query and category as URL parameters (the search stays in the address). */
export function searchParamsOf(query: string, category: string): Record<string, string> {
  const params: Record<string, string> = {};
  if (query.trim()) params.q = query.trim();
  if (category) params.category = category;
  return params;
}
