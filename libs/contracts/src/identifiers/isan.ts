import { compact, invalid, valid, type IdentifierResult } from './identifier-result.js';
import { mod37_36 } from './iso7064.js';

/**
 * ISAN (ISO 15706): 12 hex digits of root, 4 of episode and a check character, optionally
 * followed by 8 hex digits of version and a second check character (V-ISAN), written
 * `ISAN 0000-0000-3A8D-0000-Z-0000-0000-6`. Check characters: ISO 7064 MOD 37,36 over the
 * root and episode, then over root, episode and version. Stored without prefix or hyphens.
 */
export function parseIsan(raw: string): IdentifierResult {
  const value = compact(raw, 'ISAN');
  const match = /^([0-9A-F]{16})([0-9A-Z])(?:([0-9A-F]{8})([0-9A-Z]))?$/.exec(value);
  if (!match) {
    return invalid(
      'an ISAN is 16 hex digits and a check character, optionally 8 hex digits of version and a second check',
    );
  }
  const [, work, check, version, versionCheck] = match as unknown as [
    string,
    string,
    string,
    string?,
    string?,
  ];
  const expected = mod37_36(work);
  if (check !== expected) return invalid(`ISAN check character should be ${expected}`);
  if (version !== undefined) {
    const expectedVersion = mod37_36(work + version);
    if (versionCheck !== expectedVersion)
      return invalid(`ISAN version check character should be ${expectedVersion}`);
  }
  return valid(value);
}
