import {
  IdentifierScheme,
  RightType,
  WorkCategory,
  isUuid,
  parseIdentifier,
} from '#libs/contracts';
import type { Share } from '../../domain/shares.js';
import type { WorkRegistrationInput } from '../../domain/work-registration.js';

/** Columns of a works CSV. Lists inside a cell are separated by `|`. */
export const WORK_CSV_COLUMNS = [
  'title',
  'category',
  'creators',
  'alternative_titles',
  'iswc',
  'isrc',
  'isan',
  'isbn',
  'proprietary',
  'shares',
] as const;

const IDENTIFIER_COLUMNS: Record<string, IdentifierScheme> = {
  iswc: IdentifierScheme.ISWC,
  isrc: IdentifierScheme.ISRC,
  isan: IdentifierScheme.ISAN,
  isbn: IdentifierScheme.ISBN,
  proprietary: IdentifierScheme.PROPRIETARY,
};

export interface FieldError {
  field: string;
  reason: string;
}

const list = (cell: string | undefined) =>
  (cell ?? '')
    .split('|')
    .map((item) => item.trim())
    .filter(Boolean);

/** Columns a header has that the format does not know. */
export function unknownColumns(header: string[]): string[] {
  return header.filter((column) => !(WORK_CSV_COLUMNS as readonly string[]).includes(column));
}

/**
 * A CSV record as a registration, or the problems of each field. Shares are written
 * `holderId:RIGHT_TYPE:basisPoints`, e.g. `5f0c…:PERFORMANCE:5000|…`.
 */
export function registrationFromCsv(values: Record<string, string>): {
  input?: WorkRegistrationInput;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const title = values.title ?? '';
  if (!title) errors.push({ field: 'title', reason: 'must not be empty' });
  const category = (values.category ?? '').toUpperCase() as WorkCategory;
  if (!(Object.values(WorkCategory) as string[]).includes(category)) {
    errors.push({
      field: 'category',
      reason: `must be one of ${Object.values(WorkCategory).join(', ')}`,
    });
  }
  const identifiers: { scheme: IdentifierScheme; value: string }[] = [];
  for (const [column, scheme] of Object.entries(IDENTIFIER_COLUMNS)) {
    for (const value of list(values[column])) {
      const parsed = parseIdentifier(scheme, value);
      if (parsed.valid) identifiers.push({ scheme, value: parsed.value });
      else errors.push({ field: column, reason: `${value}: ${parsed.reason}` });
    }
  }
  const shares: Share[] = [];
  for (const item of list(values.shares)) {
    const [holderId, rightType, bps] = item.split(':').map((part) => part.trim());
    const shareBps = Number(bps);
    if (
      !holderId ||
      !isUuid(holderId) ||
      !(Object.values(RightType) as string[]).includes(rightType ?? '') ||
      !Number.isInteger(shareBps)
    ) {
      errors.push({ field: 'shares', reason: `${item}: write holderId:RIGHT_TYPE:basisPoints` });
      continue;
    }
    shares.push({ holderId, rightType: rightType as RightType, shareBps });
  }
  if (errors.length) return { errors };
  return {
    errors,
    input: {
      title,
      category,
      creatorNames: list(values.creators),
      alternativeTitles: list(values.alternative_titles).map((alternative) => ({
        title: alternative,
      })),
      identifiers,
      shares,
    },
  };
}
