import { invalid, valid, type IdentifierResult } from './identifier-result.js';

/**
 * IPI name number (CISAC): eleven digits, the last two a check on the first nine:
 * (101 - (Σ dᵢ·(10 - i)) mod 101) mod 101. Leading zeros belong to the number.
 */
export function parseIpiNameNumber(raw: string): IdentifierResult {
  const value = raw.normalize('NFKC').replace(/[\s-]/g, '');
  if (!/^\d{11}$/.test(value)) return invalid('an IPI name number is eleven digits');
  const sum = [...value.slice(0, 9)].reduce(
    (total, digit, index) => total + Number(digit) * (10 - index),
    0,
  );
  const check = (101 - (sum % 101)) % 101;
  if (check > 99 || check !== Number(value.slice(9))) {
    return invalid(`IPI name number check digits should be ${String(check).padStart(2, '0')}`);
  }
  return valid(value);
}
