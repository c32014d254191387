import { compact, invalid, valid, type IdentifierResult } from './identifier-result.js';

/**
 * ISWC (ISO 15707): `T` + nine digits + a check digit, written `T-034.524.680-1` or
 * `T0345246801`; stored `T0345246801`. Check digit: (10 - (1 + Σ i·dᵢ) mod 10) mod 10.
 */
export function parseIswc(raw: string): IdentifierResult {
  const value = compact(raw, 'ISWC');
  const match = /^T(\d{9})(\d)$/.exec(value);
  if (!match) return invalid('an ISWC is T followed by ten digits, e.g. T-034.524.680-1');
  const digits = [...match[1]!].map(Number);
  const sum = digits.reduce((total, digit, index) => total + (index + 1) * digit, 1);
  const check = (10 - (sum % 10)) % 10;
  if (check !== Number(match[2])) return invalid(`ISWC check digit should be ${check}`);
  return valid(value);
}

/** `T0345246801` written as `T-034.524.680-1`. */
export function formatIswc(value: string): string {
  return `T-${value.slice(1, 4)}.${value.slice(4, 7)}.${value.slice(7, 10)}-${value.slice(10)}`;
}
