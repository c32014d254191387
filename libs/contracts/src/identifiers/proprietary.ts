import { invalid, valid, type IdentifierResult } from './identifier-result.js';

/**
 * A proprietary identifier (a catalogue number, a platform's content id, the registry's own
 * id): letters, digits and `._:/-`, up to 100 characters, stored upper case after NFKC.
 */
export function parseProprietary(raw: string): IdentifierResult {
  const value = raw.normalize('NFKC').trim().toUpperCase();
  if (!/^[A-Z0-9][A-Z0-9._:/-]{0,99}$/.test(value)) {
    return invalid('a proprietary identifier is up to 100 letters, digits and ._:/-');
  }
  return valid(value);
}
