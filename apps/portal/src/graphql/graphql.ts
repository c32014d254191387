/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AlternativeTitleInput = {
  language?: string | null | undefined;
  title: string;
};

export type AnswerDisputeInput = {
  /** The current holders' answer to the claim; replaces an earlier one. */
  answer: string;
  disputeId: string | number;
};

/** Where a dispute stands. */
export type DisputeStatus =
  /** Waiting to be settled; the work's money is held. */
  | 'OPEN'
  /** Settled by the operator or the holders’ society: claim accepted or rejected. */
  | 'RESOLVED'
  /** Withdrawn by the claimant’s side; the shares never changed. */
  | 'WITHDRAWN';

export type IdentifierInput = {
  scheme: IdentifierScheme;
  /** In any usual written form, e.g. T-034.524.680-1. */
  value: string;
};

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

export type RegisterWorkInput = {
  alternativeTitles?: Array<AlternativeTitleInput> | null | undefined;
  category: WorkCategory;
  /** Registers the work even when a registered work has the same title, category and holders (otherwise refused with CONFLICT naming that work). */
  confirmDuplicates?: boolean | null | undefined;
  creatorNames?: Array<string> | null | undefined;
  /** Makes a retry safe: the same key (per caller) returns the first result. */
  idempotencyKey?: string | null | undefined;
  identifiers?: Array<IdentifierInput> | null | undefined;
  shares?: Array<ShareInput> | null | undefined;
  title: string;
};

export type RightType =
  | 'MAKING_AVAILABLE'
  | 'PERFORMANCE'
  | 'REPRODUCTION';

export type ShareInput = {
  holderId: string | number;
  rightType: RightType;
  shareBps: number;
};

export type UpdateWorkSharesInput = {
  /** ISO 8601 instant; defaults to now. */
  effectiveFrom?: string | null | undefined;
  /** The complete set of shares from effectiveFrom. */
  shares: Array<ShareInput>;
  workId: string | number;
};

export type WorkCategory =
  | 'BOOK'
  | 'FILM'
  | 'GAME'
  | 'MANGA'
  | 'MUSIC'
  | 'TV_PROGRAM'
  | 'UGC';

export type MinePartyQueryVariables = Exact<{ [key: string]: never; }>;


export type MinePartyQuery = { me: { id: string, name: string } | null };

export type SearchWorksQueryVariables = Exact<{
  query: string;
}>;


export type SearchWorksQuery = { matchWorks: Array<{ method: MatchMethod, score: number, work: { id: string, title: string, category: WorkCategory } }> };

export type WorksSharesQueryVariables = Exact<{
  id: string | number;
}>;


export type WorksSharesQuery = { work: { id: string, title: string, shares: Array<{ holderId: string, rightType: RightType, shareBps: number, holder: { id: string, name: string } }> } | null };

export type WorksUpdateSharesMutationVariables = Exact<{
  input: UpdateWorkSharesInput;
}>;


export type WorksUpdateSharesMutation = { updateWorkShares: { id: string } };

export type WorksDisputesQueryVariables = Exact<{
  holderId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WorksDisputesQuery = { disputes: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, status: DisputeStatus, reason: string, openedAt: string, answer: string | null, resolution: string | null, viewerCanAnswer: boolean, viewerCanWithdraw: boolean, claimant: { id: string, name: string } | null, claimedShares: Array<{ holderId: string, rightType: RightType, shareBps: number }>, work: { id: string, title: string } } }> } };

export type WorksAnswerDisputeMutationVariables = Exact<{
  input: AnswerDisputeInput;
}>;


export type WorksAnswerDisputeMutation = { answerDispute: { id: string } };

export type WorksWithdrawDisputeMutationVariables = Exact<{
  disputeId: string | number;
}>;


export type WorksWithdrawDisputeMutation = { withdrawDispute: { id: string } };

export type WorksMineQueryVariables = Exact<{
  holderId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WorksMineQuery = { works: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, category: WorkCategory, disputed: boolean, identifiers: Array<{ scheme: IdentifierScheme, value: string }>, shares: Array<{ holderId: string, rightType: RightType, shareBps: number }>, optOuts: Array<{ id: string, inForce: boolean }> } }> } };

export type WorksRegisterMutationVariables = Exact<{
  input: RegisterWorkInput;
}>;


export type WorksRegisterMutation = { registerWork: { id: string, title: string, disputed: boolean } };

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

export const MinePartyDocument = new TypedDocumentString(`
    query MineParty {
  me {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<MinePartyQuery, MinePartyQueryVariables>;
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
export const WorksSharesDocument = new TypedDocumentString(`
    query WorksShares($id: ID!) {
  work(id: $id) {
    id
    title
    shares {
      holderId
      rightType
      shareBps
      holder {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WorksSharesQuery, WorksSharesQueryVariables>;
export const WorksUpdateSharesDocument = new TypedDocumentString(`
    mutation WorksUpdateShares($input: UpdateWorkSharesInput!) {
  updateWorkShares(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<WorksUpdateSharesMutation, WorksUpdateSharesMutationVariables>;
export const WorksDisputesDocument = new TypedDocumentString(`
    query WorksDisputes($holderId: ID!, $first: Int, $after: String) {
  disputes(filter: {holderId: $holderId}, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        status
        reason
        openedAt
        answer
        resolution
        viewerCanAnswer
        viewerCanWithdraw
        claimant {
          id
          name
        }
        claimedShares {
          holderId
          rightType
          shareBps
        }
        work {
          id
          title
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WorksDisputesQuery, WorksDisputesQueryVariables>;
export const WorksAnswerDisputeDocument = new TypedDocumentString(`
    mutation WorksAnswerDispute($input: AnswerDisputeInput!) {
  answerDispute(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<WorksAnswerDisputeMutation, WorksAnswerDisputeMutationVariables>;
export const WorksWithdrawDisputeDocument = new TypedDocumentString(`
    mutation WorksWithdrawDispute($disputeId: ID!) {
  withdrawDispute(disputeId: $disputeId) {
    id
  }
}
    `) as unknown as TypedDocumentString<WorksWithdrawDisputeMutation, WorksWithdrawDisputeMutationVariables>;
export const WorksMineDocument = new TypedDocumentString(`
    query WorksMine($holderId: ID!, $first: Int, $after: String) {
  works(filter: {holderId: $holderId}, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        title
        category
        disputed
        identifiers {
          scheme
          value
        }
        shares {
          holderId
          rightType
          shareBps
        }
        optOuts {
          id
          inForce
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WorksMineQuery, WorksMineQueryVariables>;
export const WorksRegisterDocument = new TypedDocumentString(`
    mutation WorksRegister($input: RegisterWorkInput!) {
  registerWork(input: $input) {
    id
    title
    disputed
  }
}
    `) as unknown as TypedDocumentString<WorksRegisterMutation, WorksRegisterMutationVariables>;
