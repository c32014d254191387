/** An identifier in its stored form, or why the written form is not valid. */
export type IdentifierResult = { valid: true; value: string } | { valid: false; reason: string };

export const valid = (value: string): IdentifierResult => ({ valid: true, value });
export const invalid = (reason: string): IdentifierResult => ({ valid: false, reason });

/**
 * Upper case, full-width folded (NFKC), without spaces, hyphens and dots, and without a leading
 * label of the scheme when `prefix` names it: `ISBN`, `ISBN:`, `ISBN-13:`, `ISBN-10 `, `ISWC `.
 */
export function compact(raw: string, prefix?: string): string {
  let value = raw.normalize('NFKC').toUpperCase().trim();
  if (prefix) value = value.replace(new RegExp(`^${prefix}(?:-?1[03](?=[\\s:]))?\\s*:?`), '');
  return value.replace(/[\s.\-‐‑–—]/g, '');
}
