import type { ValueTransformer } from 'typeorm';

/**
 * Integer amounts (money in minor units) stored as `numeric(38,0)` and read as BigInt, so
 * nothing passes through floating point.
 */
export const minorUnits: ValueTransformer = {
  to: (value: bigint | null | undefined) =>
    value === null || value === undefined ? value : value.toString(),
  from: (value: string | null) => (value === null ? null : BigInt(value)),
};
