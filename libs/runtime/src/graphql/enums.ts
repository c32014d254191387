import { registerEnumType } from '@nestjs/graphql';
import {
  Decision,
  IdentifierScheme,
  OptOutScope,
  PartyKind,
  RightType,
  Role,
  UseType,
  WorkCategory,
} from '#libs/contracts';
import { MatchMethod } from '#libs/matching';

/**
 * The public contract's enums, registered once for every subgraph so that the same enum has the
 * same name and values wherever it appears (federation composes them).
 */
registerEnumType(WorkCategory, { name: 'WorkCategory' });
registerEnumType(UseType, { name: 'UseType' });
registerEnumType(RightType, { name: 'RightType' });
registerEnumType(PartyKind, { name: 'PartyKind' });
registerEnumType(IdentifierScheme, { name: 'IdentifierScheme' });
registerEnumType(OptOutScope, { name: 'OptOutScope' });
registerEnumType(Decision, { name: 'Decision' });
registerEnumType(Role, { name: 'Role' });
registerEnumType(MatchMethod, {
  name: 'MatchMethod',
  description: 'How a work was found for a text (a search or a title in a request or report).',
  valuesMap: {
    IDENTIFIER: {
      description: "By an identifier of the work (ISWC, ISRC, ISAN, ISBN, the registry's id).",
    },
    EXACT_TITLE: {
      description:
        'A title of the work, written alike once normalized (width, case, kana, old kanji forms, spacing, punctuation).',
    },
    READING: {
      description:
        'A title of the work that reads the same: kanji, kana and romaji spellings of one title.',
    },
    FUZZY: {
      description:
        'A title of the work close to the text (trigram similarity of the title or its reading).',
    },
    PARTIAL: { description: 'A title of the work holds the text, or the text holds the title.' },
  },
});
