/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type IdentifierScheme =
  | 'ISAN'
  | 'ISBN'
  | 'ISRC'
  | 'ISWC'
  | 'PROPRIETARY';

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

export type RightType =
  | 'MAKING_AVAILABLE'
  | 'PERFORMANCE'
  | 'REPRODUCTION';

export type UseType =
  | 'BROADCAST'
  | 'DOWNLOAD'
  | 'ONLINE_READING'
  | 'PUBLIC_PERFORMANCE'
  | 'SNS_POST'
  | 'STREAM'
  | 'VIDEO_POST';

export type WorkCategory =
  | 'BOOK'
  | 'FILM'
  | 'GAME'
  | 'MANGA'
  | 'MUSIC'
  | 'TV_PROGRAM'
  | 'UGC';

export type RegisterEntriesQueryVariables = Exact<{
  category?: WorkCategory | null | undefined;
  query?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type RegisterEntriesQuery = { optOutRegister: { totalCount: number, edges: Array<{ cursor: string, node: { title: string, category: WorkCategory, useTypes: Array<UseType>, since: string, work: { id: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SearchWorksQueryVariables = Exact<{
  query: string;
  category?: WorkCategory | null | undefined;
}>;


export type SearchWorksQuery = { matchWorks: Array<{ method: MatchMethod, score: number, work: { id: string, title: string, category: WorkCategory, creatorNames: Array<string>, optOuts: Array<{ useTypes: Array<UseType>, effectiveFrom: string, withdrawnAt: string | null, inForce: boolean }> } }> };

export type SearchWorkQueryVariables = Exact<{
  id: string | number;
}>;


export type SearchWorkQuery = { optOutStatus: { work: { id: string, title: string, category: WorkCategory, creatorNames: Array<string>, disputed: boolean, alternativeTitles: Array<{ title: string, language: string | null }>, identifiers: Array<{ scheme: IdentifierScheme, value: string }>, optOuts: Array<{ useTypes: Array<UseType>, effectiveFrom: string, withdrawnAt: string | null, inForce: boolean }> } } | null };

export type SearchWorkSharesQueryVariables = Exact<{
  id: string | number;
}>;


export type SearchWorkSharesQuery = { work: { id: string, shares: Array<{ holderId: string, rightType: RightType, shareBps: number, holder: { name: string } }> } | null };

export type UnclaimedReservesQueryVariables = Exact<{
  query?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type UnclaimedReservesQuery = { reserves: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, title: string | null, reason: string, releaseAfter: string, periodStart: string, periodEnd: string, category: WorkCategory, societyName: string | null, amount: { amountMinor: string, currency: string }, work: { id: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

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

export const RegisterEntriesDocument = new TypedDocumentString(`
    query RegisterEntries($category: WorkCategory, $query: String, $first: Int, $after: String) {
  optOutRegister(category: $category, query: $query, first: $first, after: $after) {
    totalCount
    edges {
      cursor
      node {
        title
        category
        useTypes
        since
        work {
          id
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<RegisterEntriesQuery, RegisterEntriesQueryVariables>;
export const SearchWorksDocument = new TypedDocumentString(`
    query SearchWorks($query: String!, $category: WorkCategory) {
  matchWorks(query: $query, category: $category, first: 15) {
    method
    score
    work {
      id
      title
      category
      creatorNames
      optOuts {
        useTypes
        effectiveFrom
        withdrawnAt
        inForce
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchWorksQuery, SearchWorksQueryVariables>;
export const SearchWorkDocument = new TypedDocumentString(`
    query SearchWork($id: ID!) {
  optOutStatus(workId: $id) {
    work {
      id
      title
      category
      creatorNames
      alternativeTitles {
        title
        language
      }
      identifiers {
        scheme
        value
      }
      optOuts {
        useTypes
        effectiveFrom
        withdrawnAt
        inForce
      }
      disputed
    }
  }
}
    `) as unknown as TypedDocumentString<SearchWorkQuery, SearchWorkQueryVariables>;
export const SearchWorkSharesDocument = new TypedDocumentString(`
    query SearchWorkShares($id: ID!) {
  work(id: $id) {
    id
    shares {
      holderId
      rightType
      shareBps
      holder {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchWorkSharesQuery, SearchWorkSharesQueryVariables>;
export const UnclaimedReservesDocument = new TypedDocumentString(`
    query UnclaimedReserves($query: String, $first: Int, $after: String) {
  reserves(filter: {status: OPEN, query: $query}, first: $first, after: $after) {
    totalCount
    edges {
      cursor
      node {
        id
        title
        reason
        releaseAfter
        periodStart
        periodEnd
        category
        societyName
        amount {
          amountMinor
          currency
        }
        work {
          id
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<UnclaimedReservesQuery, UnclaimedReservesQueryVariables>;
