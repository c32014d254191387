/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** How a work was found for a text (a search or a title in a request or report). */
export type MatchMethod =
  /** A title of the work, written alike once normalized (width, case, kana, old kanji forms, spacing, punctuation). */
  | 'EXACT_TITLE'
  /** A title of the work close to the text (trigram similarity of the title or its reading). */
  | 'FUZZY'
  /** By an identifier of the work (ISWC, ISRC, ISAN, ISBN, the registry's id). */
  | 'IDENTIFIER'
  /** A title of the work holds the text, or the text holds the title. */
  | 'PARTIAL'
  /** A title of the work that reads the same: kanji, kana and romaji spellings of one title. */
  | 'READING';

export type WorkCategory =
  | 'BOOK'
  | 'FILM'
  | 'GAME'
  | 'MANGA'
  | 'MUSIC'
  | 'TV_PROGRAM'
  | 'UGC';

export type SearchWorksQueryVariables = Exact<{
  query: string;
}>;


export type SearchWorksQuery = { matchWorks: Array<{ method: MatchMethod, score: number, work: { id: string, title: string, category: WorkCategory } }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const SearchWorksDocument = new TypedDocumentString(`
    query SearchWorks($query: String!) {
  matchWorks(query: $query, first: 20) {
    method
    score
    work {
      id
      title
      category
    }
  }
}
    `) as unknown as TypedDocumentString<SearchWorksQuery, SearchWorksQueryVariables>;
