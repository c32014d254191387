import { compact, invalid, valid, type IdentifierResult } from './identifier-result.js';

/**
 * ISRC (ISO 3901): country code (2 letters), registrant (3 alphanumerics), year (2 digits),
 * designation (5 digits), written `JP-K00-21-00001` or `JPK002100001`; stored without
 * hyphens. ISRC has no check digit: the format is all there is to validate.
 */
export function parseIsrc(raw: string): IdentifierResult {
  const value = compact(raw, 'ISRC');
  if (!/^[A-Z]{2}[A-Z0-9]{3}\d{7}$/.test(value)) {
    return invalid('an ISRC is CC-XXX-YY-NNNNN: country, registrant, year, designation');
  }
  return valid(value);
}
