/** An identifier in its stored form, or why the written form is not valid. */
export type IdentifierResult = { valid: true; value: string } | { valid: false; reason: string };

export const valid = (value: string): IdentifierResult => ({ valid: true, value });
export const invalid = (reason: string): IdentifierResult => ({ valid: false, reason });

/** Upper case, full-width folded (NFKC), without spaces, hyphens, dots and an optional prefix. */
export function compact(raw: string, prefix?: string): string {
  let value = raw
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s.\-‐‑–—]/g, '');
  if (prefix && value.startsWith(prefix)) value = value.slice(prefix.length);
  return value;
}
