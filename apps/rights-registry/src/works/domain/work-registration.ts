import {
  type IdentifierScheme,
  PartyKind,
  Role,
  type WorkCategory,
  normalizeTitle,
  parseIdentifier,
} from '#libs/contracts';
import { shareProblems, type Share } from './shares.js';
import { WorkError, WorkErrorCode } from './work.errors.js';

export interface WorkRegistrationInput {
  title: string;
  category: WorkCategory;
  creatorNames?: string[];
  alternativeTitles?: { title: string; language?: string | null }[];
  identifiers?: { scheme: IdentifierScheme; value: string }[];
  shares?: Share[];
}

export interface ValidWork {
  title: string;
  normalizedTitle: string;
  category: WorkCategory;
  creatorNames: string[];
  normalizedCreators: string;
  alternativeTitles: { title: string; normalizedTitle: string; language: string | null }[];
  identifiers: { scheme: IdentifierScheme; value: string }[];
  shares: Share[];
}

/**
 * A registration checked in full, every problem listed: title, identifiers (format and check
 * digits, stored form, no repeats), share rules. Returns the work in stored form.
 */
export function validateWork(input: WorkRegistrationInput): ValidWork {
  const problems: string[] = [];
  const title = storedText(input.title);
  if (!title) problems.push('title must not be empty');
  const identifiers: { scheme: IdentifierScheme; value: string }[] = [];
  const seen = new Set<string>();
  (input.identifiers ?? []).forEach((identifier, index) => {
    const parsed = parseIdentifier(identifier.scheme, identifier.value);
    if (!parsed.valid) {
      problems.push(
        `identifiers[${index}] (${identifier.scheme} ${identifier.value}): ${parsed.reason}`,
      );
      return;
    }
    const key = `${identifier.scheme}:${parsed.value}`;
    if (seen.has(key))
      problems.push(`identifiers[${index}]: ${identifier.scheme} ${parsed.value} is given twice`);
    seen.add(key);
    identifiers.push({ scheme: identifier.scheme, value: parsed.value });
  });
  const shares = input.shares ?? [];
  problems.push(...shareProblems(shares));
  if (problems.length)
    throw new WorkError(WorkErrorCode.INVALID_WORK, problems.join('; '), problems);
  return {
    title,
    normalizedTitle: normalizeTitle(title),
    category: input.category,
    ...storedCreators(input.creatorNames ?? []),
    alternativeTitles: storedAlternatives(input.alternativeTitles ?? []),
    identifiers,
    shares,
  };
}

/** What may change of a registered work's titles and creators; what is left out stays. */
export interface WorkNamesInput {
  title?: string | null;
  alternativeTitles?: { title: string; language?: string | null }[] | null;
  creatorNames?: string[] | null;
}

export type ValidWorkNames = Partial<
  Pick<
    ValidWork,
    'title' | 'normalizedTitle' | 'creatorNames' | 'normalizedCreators' | 'alternativeTitles'
  >
>;

/** A change of a work's titles or creators in stored form; a title must not be empty. */
export function validateWorkNames(input: WorkNamesInput): ValidWorkNames {
  const names: ValidWorkNames = {};
  if (input.title !== undefined && input.title !== null) {
    const title = storedText(input.title);
    if (!title) {
      const problem = 'title must not be empty';
      throw new WorkError(WorkErrorCode.INVALID_WORK, problem, [problem]);
    }
    Object.assign(names, { title, normalizedTitle: normalizeTitle(title) });
  }
  if (input.creatorNames) Object.assign(names, storedCreators(input.creatorNames));
  if (input.alternativeTitles)
    names.alternativeTitles = storedAlternatives(input.alternativeTitles);
  return names;
}

const storedText = (text: string): string => text.normalize('NFC').trim();

function storedCreators(names: readonly string[]) {
  const creatorNames = names.map(storedText).filter(Boolean);
  return { creatorNames, normalizedCreators: normalizeTitle(creatorNames.join(' ')) };
}

function storedAlternatives(
  alternatives: readonly { title: string; language?: string | null }[],
): ValidWork['alternativeTitles'] {
  return alternatives
    .map((alternative) => ({
      title: storedText(alternative.title),
      normalizedTitle: normalizeTitle(alternative.title),
      language: alternative.language ?? null,
    }))
    .filter((alternative) => alternative.title);
}

export interface HolderFacts {
  kind: PartyKind;
  /** Societies the holder is a member of today. */
  societyIds: string[];
}

/**
 * Who may register a work with these holders: the operator anything; a right holder only works
 * in which it holds a share; a society admin works whose holders are its members. Platforms
 * register no works. Every holder must be a registered right holder. Throws WorkError.
 */
export function checkRegistration(
  caller: { role: Role; partyId: string },
  shares: readonly Share[],
  holders: ReadonlyMap<string, HolderFacts>,
): void {
  for (const { holderId } of shares) {
    if (holders.get(holderId)?.kind !== PartyKind.RIGHT_HOLDER) {
      throw new WorkError(WorkErrorCode.INVALID_WORK, notARightHolder(holderId));
    }
  }
  const refusal = registrationRefusal(caller, shares, (holderId) =>
    Boolean(holders.get(holderId)?.societyIds.includes(caller.partyId)),
  );
  if (refusal) throw new WorkError(WorkErrorCode.NOT_ALLOWED, refusal);
}

export const notARightHolder = (holderId: string) =>
  `holder ${holderId} is not a registered right holder`;

export const NOT_SOCIETY_MEMBERS = "a society admin registers works of its society's members";

/**
 * Why the caller may not register a work with these shares, or undefined when it may.
 * `isCallersMember` says whether a holder is today a member of the calling society.
 */
export function registrationRefusal(
  caller: { role: Role; partyId: string },
  shares: readonly Share[],
  isCallersMember: (holderId: string) => boolean,
): string | undefined {
  switch (caller.role) {
    case Role.OPERATOR:
      return undefined;
    case Role.RIGHT_HOLDER:
      return shares.some((share) => share.holderId === caller.partyId)
        ? undefined
        : 'a right holder registers works in which it holds a share';
    case Role.SOCIETY_ADMIN:
      return shares.every((share) => isCallersMember(share.holderId))
        ? undefined
        : NOT_SOCIETY_MEMBERS;
    case Role.PLATFORM:
      return 'platforms do not register works';
  }
}
