import { compact, invalid, valid, type IdentifierResult } from './identifier-result.js';

/**
 * ISBN-13, written with or without hyphens (`978-4-06-512345-?`); an ISBN-10 is accepted and
 * stored as its ISBN-13. Check digit: weights 1 and 3 alternately, (10 - sum mod 10) mod 10.
 */
export function parseIsbn(raw: string): IdentifierResult {
  const value = compact(raw, 'ISBN');
  if (/^\d{9}[\dX]$/.test(value)) return parseIsbn10(value);
  if (!/^97[89]\d{10}$/.test(value)) return invalid('an ISBN-13 is 13 digits starting 978 or 979');
  const check = isbn13Check(value.slice(0, 12));
  if (check !== Number(value[12])) return invalid(`ISBN check digit should be ${check}`);
  return valid(value);
}

function parseIsbn10(value: string): IdentifierResult {
  const sum = [...value.slice(0, 9)].reduce(
    (total, digit, index) => total + Number(digit) * (10 - index),
    0,
  );
  const check = (11 - (sum % 11)) % 11;
  const written = value[9] === 'X' ? 10 : Number(value[9]);
  if (check !== written)
    return invalid(`ISBN-10 check digit should be ${check === 10 ? 'X' : check}`);
  const body = `978${value.slice(0, 9)}`;
  return valid(`${body}${isbn13Check(body)}`);
}

/** The check digit of an ISBN-13 from its first twelve digits. */
export function isbn13Check(twelveDigits: string): number {
  const sum = [...twelveDigits].reduce(
    (total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 1 : 3),
    0,
  );
  return (10 - (sum % 10)) % 10;
}
