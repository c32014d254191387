/** Basis points of the whole (10000 = 100 %). */
export const WHOLE_BPS = 10_000n;

/** A cell of the distribution: a work (or an unidentified reference) and a holder key. */
export interface Cell {
  workKey: string;
  holderKey: string;
  /** Points: usage weight times share basis points. */
  points: bigint;
}

export interface Allocation extends Cell {
  amount: bigint;
}

/** The administration fee and what is left to distribute (DESIGN step 1). */
export function splitPool(
  pool: bigint,
  adminFeeBps: number,
): { fee: bigint; distributable: bigint } {
  if (pool < 0n) throw new RangeError('the pool must not be negative');
  if (!Number.isInteger(adminFeeBps) || adminFeeBps < 0 || adminFeeBps > 10_000)
    throw new RangeError('adminFeeBps must be a whole number from 0 to 10000');
  const fee = (pool * BigInt(adminFeeBps)) / WHOLE_BPS;
  return { fee, distributable: pool - fee };
}

/** Orders cells by work key, then holder key (code-unit order, as PostgreSQL's "C" collation). */
export function compareCells(a: Cell, b: Cell): number {
  if (a.workKey !== b.workKey) return a.workKey < b.workKey ? -1 : 1;
  if (a.holderKey !== b.holderKey) return a.holderKey < b.holderKey ? -1 : 1;
  return 0;
}

/**
 * Largest remainder (DESIGN step 4): each cell gets floor(D * cell / total); the units left
 * over go one each to the cells with the largest remainders (D * cell mod total), ties broken
 * by work key then holder key ascending. The amounts add up to D exactly. Cells with no points
 * get nothing; with no points at all nothing is allocated (the caller reserves D).
 */
export function allocate(distributable: bigint, cells: readonly Cell[]): Allocation[] {
  const total = cells.reduce((sum, cell) => sum + cell.points, 0n);
  if (total === 0n) return cells.map((cell) => ({ ...cell, amount: 0n }));
  const shares = cells.map((cell) => ({
    cell,
    amount: (distributable * cell.points) / total,
    remainder: (distributable * cell.points) % total,
  }));
  let left = distributable - shares.reduce((sum, share) => sum + share.amount, 0n);
  const byRemainder = [...shares].sort(
    (a, b) =>
      (a.remainder === b.remainder ? 0 : a.remainder > b.remainder ? -1 : 1) ||
      compareCells(a.cell, b.cell),
  );
  for (const share of byRemainder) {
    if (left === 0n) break;
    share.amount += 1n;
    left -= 1n;
  }
  return shares.map(({ cell, amount }) => ({ ...cell, amount }));
}
