/** A statement line's status (the API's PAYABLE, HELD, RESERVED) as the key of its words. */
export function lineStatusKey(status: string): 'PAYABLE' | 'HELD' | 'RESERVED' {
  return status === 'HELD' || status === 'RESERVED' ? status : 'PAYABLE';
}

/** The sum of amounts in integer minor units (exact, as BigInt). */
export function sumOf(
  amounts: readonly { amountMinor: string }[],
  currency: string,
): { amountMinor: string; currency: string } {
  const total = amounts.reduce((sum, amount) => sum + BigInt(amount.amountMinor), 0n);
  return { amountMinor: total.toString(), currency };
}
