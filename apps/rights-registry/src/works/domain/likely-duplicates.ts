import type { WorkCategory } from '#libs/contracts';

/** What makes two works likely the same: normalized title, category and set of holders. */
export interface WorkLikeness {
  normalizedTitle: string;
  category: WorkCategory;
  holderIds: Iterable<string>;
}

/** A registered work a new one is compared with; `holderIds` are its holders now. */
export interface RegisteredWorkLikeness extends WorkLikeness {
  id: string;
  title: string;
}

const holderKey = (holderIds: Iterable<string>) => [...new Set(holderIds)].sort().join(',');

/**
 * A registered work the new one likely repeats: the same normalized title (libs/contracts
 * `normalizeTitle`), the same category and the same holders. Such a registration is refused
 * unless the caller confirms it (`confirmDuplicates`).
 */
export function likelyDuplicateOf<T extends RegisteredWorkLikeness>(
  work: WorkLikeness,
  registered: readonly T[],
): T | undefined {
  const holders = holderKey(work.holderIds);
  return registered.find(
    (existing) =>
      existing.normalizedTitle === work.normalizedTitle &&
      existing.category === work.category &&
      holderKey(existing.holderIds) === holders,
  );
}

/** Why a registration is refused as a likely duplicate of a registered work. */
export const likelyDuplicateReason = (existing: { id: string; title: string }) =>
  `likely a duplicate of work ${existing.id} (${existing.title}): same title, category and ` +
  'holders; confirm duplicates to register it anyway';

/** Why a row of an import is refused as a likely duplicate of an earlier row. */
export const repeatedRowReason = (firstLine: number) =>
  `likely a duplicate of line ${firstLine}: same title, category and holders; ` +
  'confirm duplicates to register it anyway';
