import { compact, invalid, valid, type IdentifierResult } from './identifier-result.js';

const ISRC = /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/;

/**
 * ISRC (ISO 3901): country code (2 letters), registrant (3 alphanumerics), year (2 digits),
 * designation (5 digits), written `JP-K00-21-00001` or `JPK002100001`; stored without
 * hyphens. ISRC has no check digit: the format is all there is to validate.
 */
export function parseIsrc(raw: string): IdentifierResult {
  // An ISRC may itself start with ISRC (Iceland, registrant RC…): read without a label first.
  const whole = compact(raw);
  const value = ISRC.test(whole) ? whole : compact(raw, 'ISRC');
  if (!ISRC.test(value)) {
    return invalid('an ISRC is CC-XXX-YY-NNNNN: country, registrant, year, designation');
  }
  return valid(value);
}
