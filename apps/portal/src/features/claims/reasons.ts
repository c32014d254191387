/** Why money is held (the API's reserve reason) as the key of its words. */
export function reasonKey(
  reason: string,
): 'UNCLAIMED' | 'UNIDENTIFIED' | 'DISPUTED' | 'NO_USAGE' | 'NON_MEMBER' | 'OTHER' {
  switch (reason) {
    case 'UNCLAIMED':
    case 'UNIDENTIFIED':
    case 'DISPUTED':
    case 'NO_USAGE':
    case 'NON_MEMBER':
      return reason;
    default:
      return 'OTHER';
  }
}
