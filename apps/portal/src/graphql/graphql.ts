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

export type ClaimReserveInput = {
  /** Why the money is the holder’s: registrations, contracts, links. */
  evidence: string;
  holderId: string | number;
  reserveId: string | number;
};

export type ClaimStatus =
  | 'APPROVED'
  | 'PENDING'
  | 'REJECTED';

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

export type OptOutScope =
  | 'ALL_WORKS'
  | 'WORK';

export type RegisterOptOutInput = {
  /** ISO 8601 instant; defaults to now and may not be in the past. */
  effectiveFrom?: string | null | undefined;
  holderId: string | number;
  /** A repeat with this key returns the first opt-out. */
  idempotencyKey?: string | null | undefined;
  scope: OptOutScope;
  /** Empty or omitted: every use type. */
  useTypes?: Array<UseType> | null | undefined;
  /** The work, for scope WORK. */
  workId?: string | number | null | undefined;
};

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

export type ReserveStatus =
  | 'CLAIMED'
  | 'OPEN'
  | 'RELEASED';

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

export type ClaimsMineQueryVariables = Exact<{
  holderId: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type ClaimsMineQuery = { claims: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, status: ClaimStatus, createdAt: string, settledAt: string | null, reserve: { id: string, workKey: string, title: string | null, amount: { amountMinor: string, currency: string } } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ClaimsReservesQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type ClaimsReservesQuery = { reserves: { edges: Array<{ node: { id: string, workKey: string, title: string | null, periodStart: string, periodEnd: string, societyName: string | null, reason: string, status: ReserveStatus, releaseAfter: string, amount: { amountMinor: string, currency: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ClaimsClaimReserveMutationVariables = Exact<{
  input: ClaimReserveInput;
}>;


export type ClaimsClaimReserveMutation = { claimReserve: { id: string, status: ClaimStatus, createdAt: string } };

export type MinePartyQueryVariables = Exact<{ [key: string]: never; }>;


export type MinePartyQuery = { me: { id: string, name: string } | null };

export type MoneyStatementsQueryVariables = Exact<{
  holderId: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type MoneyStatementsQuery = { statements: { totalCount: number, totals: Array<{ currency: string, payable: { amountMinor: string, currency: string }, held: { amountMinor: string, currency: string }, reserved: { amountMinor: string, currency: string }, claimed: { amountMinor: string, currency: string } }>, edges: Array<{ cursor: string, node: { batchId: string, periodStart: string, periodEnd: string, category: WorkCategory, societyName: string | null, totalPayable: { amountMinor: string, currency: string }, totalHeld: { amountMinor: string, currency: string }, totalReserved: { amountMinor: string, currency: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MoneyStatementQueryVariables = Exact<{
  batchId: string | number;
  holderId: string | number;
}>;


export type MoneyStatementQuery = { statement: { batchId: string, holderName: string | null, societyName: string | null, category: WorkCategory, periodStart: string, periodEnd: string, approvedAt: string | null, useTypes: Array<UseType>, currency: string, totalPayable: { amountMinor: string, currency: string }, totalHeld: { amountMinor: string, currency: string }, totalReserved: { amountMinor: string, currency: string }, totalClaimed: { amountMinor: string, currency: string }, lines: Array<{ workKey: string, title: string | null, useType: UseType, status: string, amount: { amountMinor: string, currency: string } }> } | null };

export type OptOutsMineQueryVariables = Exact<{
  holderId: string | number;
}>;


export type OptOutsMineQuery = { optOuts: Array<{ id: string, scope: OptOutScope, useTypes: Array<UseType>, effectiveFrom: string, withdrawnAt: string | null, registeredAt: string, inForce: boolean, work: { id: string, title: string } | null }> };

export type OptOutsWithdrawMutationVariables = Exact<{
  id: string | number;
}>;


export type OptOutsWithdrawMutation = { withdrawOptOut: { id: string, withdrawnAt: string | null, inForce: boolean } };

export type OptOutsMyWorksQueryVariables = Exact<{
  holderId: string | number;
}>;


export type OptOutsMyWorksQuery = { works: { edges: Array<{ node: { id: string, title: string } }> } };

export type OptOutsRegisterMutationVariables = Exact<{
  input: RegisterOptOutInput;
}>;


export type OptOutsRegisterMutation = { registerOptOut: { id: string, scope: OptOutScope, useTypes: Array<UseType>, effectiveFrom: string, confirmation: string | null, work: { id: string, title: string } | null } };

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

export const ClaimsMineDocument = new TypedDocumentString(`
    query ClaimsMine($holderId: ID!, $first: Int!, $after: String) {
  claims(filter: {holderId: $holderId}, first: $first, after: $after) {
    totalCount
    edges {
      cursor
      node {
        id
        status
        createdAt
        settledAt
        reserve {
          id
          workKey
          title
          amount {
            amountMinor
            currency
          }
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ClaimsMineQuery, ClaimsMineQueryVariables>;
export const ClaimsReservesDocument = new TypedDocumentString(`
    query ClaimsReserves($after: String) {
  reserves(first: 100, after: $after) {
    edges {
      node {
        id
        workKey
        title
        periodStart
        periodEnd
        societyName
        reason
        amount {
          amountMinor
          currency
        }
        status
        releaseAfter
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ClaimsReservesQuery, ClaimsReservesQueryVariables>;
export const ClaimsClaimReserveDocument = new TypedDocumentString(`
    mutation ClaimsClaimReserve($input: ClaimReserveInput!) {
  claimReserve(input: $input) {
    id
    status
    createdAt
  }
}
    `) as unknown as TypedDocumentString<ClaimsClaimReserveMutation, ClaimsClaimReserveMutationVariables>;
export const MinePartyDocument = new TypedDocumentString(`
    query MineParty {
  me {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<MinePartyQuery, MinePartyQueryVariables>;
export const MoneyStatementsDocument = new TypedDocumentString(`
    query MoneyStatements($holderId: ID!, $first: Int!, $after: String) {
  statements(filter: {holderId: $holderId}, first: $first, after: $after) {
    totalCount
    totals {
      currency
      payable {
        amountMinor
        currency
      }
      held {
        amountMinor
        currency
      }
      reserved {
        amountMinor
        currency
      }
      claimed {
        amountMinor
        currency
      }
    }
    edges {
      cursor
      node {
        batchId
        periodStart
        periodEnd
        category
        societyName
        totalPayable {
          amountMinor
          currency
        }
        totalHeld {
          amountMinor
          currency
        }
        totalReserved {
          amountMinor
          currency
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<MoneyStatementsQuery, MoneyStatementsQueryVariables>;
export const MoneyStatementDocument = new TypedDocumentString(`
    query MoneyStatement($batchId: ID!, $holderId: ID!) {
  statement(batchId: $batchId, holderId: $holderId) {
    batchId
    holderName
    societyName
    category
    periodStart
    periodEnd
    approvedAt
    useTypes
    totalPayable {
      amountMinor
      currency
    }
    totalHeld {
      amountMinor
      currency
    }
    totalReserved {
      amountMinor
      currency
    }
    currency
    totalClaimed {
      amountMinor
      currency
    }
    lines {
      workKey
      title
      useType
      amount {
        amountMinor
        currency
      }
      status
    }
  }
}
    `) as unknown as TypedDocumentString<MoneyStatementQuery, MoneyStatementQueryVariables>;
export const OptOutsMineDocument = new TypedDocumentString(`
    query OptOutsMine($holderId: ID!) {
  optOuts(holderId: $holderId) {
    id
    scope
    work {
      id
      title
    }
    useTypes
    effectiveFrom
    withdrawnAt
    registeredAt
    inForce
  }
}
    `) as unknown as TypedDocumentString<OptOutsMineQuery, OptOutsMineQueryVariables>;
export const OptOutsWithdrawDocument = new TypedDocumentString(`
    mutation OptOutsWithdraw($id: ID!) {
  withdrawOptOut(id: $id) {
    id
    withdrawnAt
    inForce
  }
}
    `) as unknown as TypedDocumentString<OptOutsWithdrawMutation, OptOutsWithdrawMutationVariables>;
export const OptOutsMyWorksDocument = new TypedDocumentString(`
    query OptOutsMyWorks($holderId: ID!) {
  works(filter: {holderId: $holderId}, first: 100) {
    edges {
      node {
        id
        title
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OptOutsMyWorksQuery, OptOutsMyWorksQueryVariables>;
export const OptOutsRegisterDocument = new TypedDocumentString(`
    mutation OptOutsRegister($input: RegisterOptOutInput!) {
  registerOptOut(input: $input) {
    id
    scope
    work {
      id
      title
    }
    useTypes
    effectiveFrom
    confirmation
  }
}
    `) as unknown as TypedDocumentString<OptOutsRegisterMutation, OptOutsRegisterMutationVariables>;
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
