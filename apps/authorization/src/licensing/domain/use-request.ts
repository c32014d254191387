import {
  type IdentifierScheme,
  type UseType,
  type WorkCategory,
  isCalendarDate,
  normalizeTitle,
  parseIdentifier,
} from '#libs/contracts';
import type { UseItem } from './decision.js';

/** Items one request may hold. */
export const MAX_ITEMS = 1000;

/** An item as a platform asks for it. */
export interface UseItemRequest {
  workId?: string | null;
  identifier?: { scheme: IdentifierScheme; value: string } | null;
  title?: string | null;
  creatorName?: string | null;
  category?: WorkCategory | null;
  useType: UseType;
  territory: string;
  from: string;
  to: string;
  expectedQuantity: number;
}

/** How to find an item's work: exactly one of its id, an identifier or a title. */
export type WorkLookup =
  | { by: 'id'; workId: string }
  | { by: 'identifier'; scheme: IdentifierScheme; value: string }
  | {
      by: 'title';
      /** As the platform wrote them, for the matcher. */
      title: string;
      creatorName: string | null;
      /** As the unidentified reference keeps them. */
      normalizedTitle: string;
      normalizedCreator: string | null;
    };

export interface CheckedItem extends UseItem {
  lookup: WorkLookup;
}

/**
 * Checks every item of a request; returns them in checked form, or every problem with the
 * item's index (`items[3].to: ...`).
 */
export function checkItems(
  items: readonly UseItemRequest[],
): { items: CheckedItem[] } | { problems: string[] } {
  const problems: string[] = [];
  if (items.length === 0 || items.length > MAX_ITEMS)
    problems.push(`a request holds 1 to ${MAX_ITEMS} items`);
  const checked: CheckedItem[] = [];
  items.forEach((item, index) => {
    const at = `items[${index}]`;
    const ways = [item.workId, item.identifier, item.title].filter(
      (way) => way !== null && way !== undefined && way !== '',
    ).length;
    if (ways !== 1) problems.push(`${at}: give exactly one of workId, identifier or title`);
    let lookup: WorkLookup | undefined;
    if (item.workId) lookup = { by: 'id', workId: item.workId };
    else if (item.identifier) {
      const parsed = parseIdentifier(item.identifier.scheme, item.identifier.value);
      if (parsed.valid)
        lookup = { by: 'identifier', scheme: item.identifier.scheme, value: parsed.value };
      else problems.push(`${at}.identifier: ${item.identifier.value}: ${parsed.reason}`);
    } else if (item.title) {
      const normalizedTitle = normalizeTitle(item.title);
      if (!normalizedTitle) problems.push(`${at}.title: must contain letters or digits`);
      lookup = {
        by: 'title',
        title: item.title,
        creatorName: item.creatorName || null,
        normalizedTitle,
        normalizedCreator: item.creatorName ? normalizeTitle(item.creatorName) || null : null,
      };
    }
    if (!/^([A-Z]{2}|WORLD)$/.test(item.territory))
      problems.push(`${at}.territory: must be ISO 3166-1 alpha-2 or WORLD`);
    if (!isCalendarDate(item.from)) problems.push(`${at}.from: must be a date YYYY-MM-DD`);
    if (!isCalendarDate(item.to)) problems.push(`${at}.to: must be a date YYYY-MM-DD`);
    else if (isCalendarDate(item.from) && item.to <= item.from)
      problems.push(`${at}.to: must be after from (the period is [from, to))`);
    if (!Number.isInteger(item.expectedQuantity) || item.expectedQuantity < 0)
      problems.push(`${at}.expectedQuantity: must be a whole number, 0 or more`);
    if (lookup) {
      checked.push({
        lookup,
        category: item.category ?? null,
        useType: item.useType,
        territory: item.territory,
        from: item.from,
        to: item.to,
        expectedQuantity: item.expectedQuantity,
      });
    }
  });
  return problems.length ? { problems } : { items: checked };
}

/** How distribution will find an unidentified work later. */
export function referenceOf(lookup: WorkLookup): string {
  switch (lookup.by) {
    case 'id':
      return `work:${lookup.workId}`;
    case 'identifier':
      return `${lookup.scheme}:${lookup.value}`;
    case 'title':
      return lookup.normalizedCreator
        ? `title:${lookup.normalizedTitle}|creator:${lookup.normalizedCreator}`
        : `title:${lookup.normalizedTitle}`;
  }
}
