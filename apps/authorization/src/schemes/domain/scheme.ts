import { CURRENCY_EXPONENTS, type RightType, UseType, type WorkCategory } from '#libs/contracts';

/** Territory of a scheme that covers every territory. */
export const WORLD = 'WORLD';

export interface UseTypeWeight {
  useType: UseType;
  weight: number;
}

/** A society's ECL scheme for one category: what it covers, its tariff and weights. */
export interface SchemeTerms {
  id: string;
  revision: number;
  societyId: string;
  category: WorkCategory;
  useTypes: UseType[];
  territories: string[];
  rightType: RightType;
  /** Fee per unit of expected use, in minor units. */
  unitRateMinor: bigint;
  currency: string;
  coversUnidentified: boolean;
  /** Distribution points per unit of use, one per use type. */
  weights: UseTypeWeight[];
  active: boolean;
  createdAt: Date;
}

export interface SchemeDraft {
  useTypes: UseType[];
  territories: string[];
  unitRateMinor: string;
  currency: string;
  weights?: UseTypeWeight[] | null;
}

/**
 * What is wrong with a scheme's terms, in words a person can act on. Weights default to 1 for
 * use types without one; a weight for a use type the scheme does not cover is a mistake.
 */
export function schemeProblems(draft: SchemeDraft): string[] {
  const problems: string[] = [];
  if (draft.useTypes.length === 0) problems.push('useTypes must name at least one use type');
  if (new Set(draft.useTypes).size !== draft.useTypes.length)
    problems.push('useTypes must not repeat');
  if (draft.territories.length === 0) problems.push('territories must name at least one');
  if (draft.territories.some((t) => !/^([A-Z]{2}|WORLD)$/.test(t)))
    problems.push('territories must be ISO 3166-1 alpha-2 codes or WORLD');
  if (!/^(0|[1-9]\d{0,17})$/.test(draft.unitRateMinor))
    problems.push('unitRateMinor must be a whole number of minor units, 0 or more');
  if (CURRENCY_EXPONENTS[draft.currency] === undefined)
    problems.push(
      `currency must be one of ${Object.keys(CURRENCY_EXPONENTS).join(', ')} (ISO 4217)`,
    );
  const weighted = new Set<UseType>();
  for (const { useType, weight } of draft.weights ?? []) {
    if (!draft.useTypes.includes(useType))
      problems.push(`weight for ${useType}, which the scheme does not cover`);
    if (weighted.has(useType)) problems.push(`weight for ${useType} given twice`);
    weighted.add(useType);
    if (!Number.isInteger(weight) || weight < 0 || weight > 1_000_000)
      problems.push(`weight for ${useType} must be a whole number from 0 to 1000000`);
  }
  return problems;
}

/** Every covered use type with its weight (1 unless given), in enum order. */
export function completeWeights(
  useTypes: readonly UseType[],
  weights: readonly UseTypeWeight[] | null | undefined,
): UseTypeWeight[] {
  const order = Object.values(UseType);
  return [...useTypes]
    .sort((a, b) => order.indexOf(a) - order.indexOf(b))
    .map((useType) => ({
      useType,
      weight: weights?.find((w) => w.useType === useType)?.weight ?? 1,
    }));
}

/** Whether an active scheme covers a use of a work of `category` in `territory`. */
export function covers(
  scheme: SchemeTerms,
  category: WorkCategory,
  useType: UseType,
  territory: string,
): boolean {
  return (
    scheme.active &&
    scheme.category === category &&
    scheme.useTypes.includes(useType) &&
    (scheme.territories.includes(WORLD) || scheme.territories.includes(territory))
  );
}

/** The scheme that licenses a use: of those covering it, the oldest (then lowest id). */
export function schemeFor(
  schemes: readonly SchemeTerms[],
  category: WorkCategory,
  useType: UseType,
  territory: string,
): SchemeTerms | undefined {
  return schemes
    .filter((scheme) => covers(scheme, category, useType, territory))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))[0];
}

/** The fee of a license: the tariff times the expected quantity, exact in minor units. */
export function feeFor(scheme: SchemeTerms, expectedQuantity: number): bigint {
  return scheme.unitRateMinor * BigInt(expectedQuantity);
}
