import { IdentifierScheme } from '../values/enums.js';
import type { IdentifierResult } from './identifier-result.js';
import { parseIsan } from './isan.js';
import { parseIsbn } from './isbn.js';
import { parseIsrc } from './isrc.js';
import { parseIswc } from './iswc.js';
import { parseProprietary } from './proprietary.js';

export * from './identifier-result.js';
export * from './ipi.js';
export * from './isan.js';
export * from './isbn.js';
export * from './iso7064.js';
export * from './isrc.js';
export * from './iswc.js';
export * from './proprietary.js';

const parsers: Record<IdentifierScheme, (raw: string) => IdentifierResult> = {
  [IdentifierScheme.ISWC]: parseIswc,
  [IdentifierScheme.ISRC]: parseIsrc,
  [IdentifierScheme.ISAN]: parseIsan,
  [IdentifierScheme.ISBN]: parseIsbn,
  [IdentifierScheme.PROPRIETARY]: parseProprietary,
};

/** Validates a written identifier of `scheme` and returns its stored (normalized) form. */
export function parseIdentifier(scheme: IdentifierScheme, raw: string): IdentifierResult {
  return parsers[scheme](raw);
}
