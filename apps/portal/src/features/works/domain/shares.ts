/** Rights a share is of, as the registry names them. */
export const RIGHT_TYPES = ['PERFORMANCE', 'REPRODUCTION', 'MAKING_AVAILABLE'] as const;
export type RightTypeName = (typeof RIGHT_TYPES)[number];

/** A share as the person types it: the percentage is text until it is checked. */
export interface ShareRow {
  key: string;
  holderId: string;
  rightType: RightTypeName;
  percent: string;
}

export interface ShareValue {
  holderId: string;
  rightType: RightTypeName;
  shareBps: number;
}

export type ShareProblem = 'holderMissing' | 'percentShape' | 'totalOver' | 'noShareOfMine';

/** 10000 basis points are the whole right. */
export const WHOLE_BPS = 10_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A percentage as written (`50`, `33.33`, `12,5`) in basis points; undefined unless it is more
 * than 0 and at most 100 with at most two decimals.
 */
export function percentToBps(text: string): number | undefined {
  const normalized = text
    .trim()
    .replace(',', '.')
    .replace(/[%％]$/, '')
    .trim();
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(normalized)) return undefined;
  const [whole, fraction = ''] = normalized.split('.');
  const bps = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return bps > 0 && bps <= WHOLE_BPS ? bps : undefined;
}

/** Basis points as a percentage to show, e.g. 3333 → "33.33". */
export function bpsToPercent(bps: number): string {
  return (bps / 100).toFixed(2).replace(/\.?0+$/, '');
}

/** The total in basis points of each right type that has shares. */
export function totalsByRight(shares: readonly ShareValue[]): Map<RightTypeName, number> {
  const totals = new Map<RightTypeName, number>();
  for (const share of shares)
    totals.set(share.rightType, (totals.get(share.rightType) ?? 0) + share.shareBps);
  return totals;
}

export interface CheckedShares {
  shares: ShareValue[];
  /** Problems by row key; `total:<RIGHT>` for a right whose shares exceed 100 %. */
  problems: { key: string; problem: ShareProblem; rightType?: RightTypeName }[];
}

/**
 * The rows as shares, with what is wrong before anything is sent: a holder id missing or not an
 * id, a percentage that is not one, a right whose shares add up to more than 100 %, and (when
 * `mine` is given) no share of the caller's own.
 */
export function checkShares(rows: readonly ShareRow[], mine?: string): CheckedShares {
  const problems: CheckedShares['problems'] = [];
  const shares: ShareValue[] = [];
  for (const row of rows) {
    const holderId = row.holderId.trim();
    const bps = percentToBps(row.percent);
    if (!UUID.test(holderId)) problems.push({ key: `${row.key}-holder`, problem: 'holderMissing' });
    if (bps === undefined) problems.push({ key: `${row.key}-percent`, problem: 'percentShape' });
    if (UUID.test(holderId) && bps !== undefined)
      shares.push({ holderId, rightType: row.rightType, shareBps: bps });
  }
  for (const [rightType, total] of totalsByRight(shares)) {
    if (total > WHOLE_BPS)
      problems.push({ key: `total-${rightType}`, problem: 'totalOver', rightType });
  }
  if (mine && rows.length && !shares.some((share) => share.holderId === mine))
    problems.push({ key: 'shares', problem: 'noShareOfMine' });
  return { shares, problems };
}
