/**
 * Trigram similarity as PostgreSQL's pg_trgm computes it: each word (a run of letters and
 * digits) padded with two spaces before and one after, its three-character windows taken
 * as a set; similarity is shared / all. The SQL side finds candidates with pg_trgm's `%`,
 * this side scores them, so both agree on what "similar" means.
 */
export function trigramSimilarity(a: string, b: string): number {
  const left = trigrams(a);
  const right = trigrams(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const trigram of left) if (right.has(trigram)) shared++;
  return shared / (left.size + right.size - shared);
}

export function trigrams(text: string): Set<string> {
  const result = new Set<string>();
  for (const [word] of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    const padded = [' ', ' ', ...word, ' '];
    for (let i = 0; i + 2 < padded.length; i++) {
      result.add(padded[i]! + padded[i + 1]! + padded[i + 2]!);
    }
  }
  return result;
}
