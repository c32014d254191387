/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query RegisterEntries($category: WorkCategory, $query: String, $first: Int, $after: String) {\n    optOutRegister(category: $category, query: $query, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          title\n          category\n          useTypes\n          since\n          work {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.RegisterEntriesDocument,
    "\n  query SearchWorks($query: String!, $category: WorkCategory) {\n    matchWorks(query: $query, category: $category, first: 15) {\n      method\n      score\n      work {\n        id\n        title\n        category\n        creatorNames\n        optOuts {\n          useTypes\n          effectiveFrom\n          withdrawnAt\n          inForce\n        }\n      }\n    }\n  }\n": typeof types.SearchWorksDocument,
    "\n  query SearchWork($id: ID!) {\n    optOutStatus(workId: $id) {\n      work {\n        id\n        title\n        category\n        creatorNames\n        alternativeTitles {\n          title\n          language\n        }\n        identifiers {\n          scheme\n          value\n        }\n        optOuts {\n          useTypes\n          effectiveFrom\n          withdrawnAt\n          inForce\n        }\n        disputed\n      }\n    }\n  }\n": typeof types.SearchWorkDocument,
    "\n  query SearchWorkShares($id: ID!) {\n    work(id: $id) {\n      id\n      shares {\n        holderId\n        rightType\n        shareBps\n        holder {\n          name\n        }\n      }\n    }\n  }\n": typeof types.SearchWorkSharesDocument,
    "\n  query UnclaimedReserves($query: String, $first: Int, $after: String) {\n    reserves(filter: { status: OPEN, query: $query }, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          title\n          reason\n          releaseAfter\n          periodStart\n          periodEnd\n          category\n          societyName\n          amount {\n            amountMinor\n            currency\n          }\n          work {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.UnclaimedReservesDocument,
};
const documents: Documents = {
    "\n  query RegisterEntries($category: WorkCategory, $query: String, $first: Int, $after: String) {\n    optOutRegister(category: $category, query: $query, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          title\n          category\n          useTypes\n          since\n          work {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.RegisterEntriesDocument,
    "\n  query SearchWorks($query: String!, $category: WorkCategory) {\n    matchWorks(query: $query, category: $category, first: 15) {\n      method\n      score\n      work {\n        id\n        title\n        category\n        creatorNames\n        optOuts {\n          useTypes\n          effectiveFrom\n          withdrawnAt\n          inForce\n        }\n      }\n    }\n  }\n": types.SearchWorksDocument,
    "\n  query SearchWork($id: ID!) {\n    optOutStatus(workId: $id) {\n      work {\n        id\n        title\n        category\n        creatorNames\n        alternativeTitles {\n          title\n          language\n        }\n        identifiers {\n          scheme\n          value\n        }\n        optOuts {\n          useTypes\n          effectiveFrom\n          withdrawnAt\n          inForce\n        }\n        disputed\n      }\n    }\n  }\n": types.SearchWorkDocument,
    "\n  query SearchWorkShares($id: ID!) {\n    work(id: $id) {\n      id\n      shares {\n        holderId\n        rightType\n        shareBps\n        holder {\n          name\n        }\n      }\n    }\n  }\n": types.SearchWorkSharesDocument,
    "\n  query UnclaimedReserves($query: String, $first: Int, $after: String) {\n    reserves(filter: { status: OPEN, query: $query }, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          title\n          reason\n          releaseAfter\n          periodStart\n          periodEnd\n          category\n          societyName\n          amount {\n            amountMinor\n            currency\n          }\n          work {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.UnclaimedReservesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegisterEntries($category: WorkCategory, $query: String, $first: Int, $after: String) {\n    optOutRegister(category: $category, query: $query, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          title\n          category\n          useTypes\n          since\n          work {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').RegisterEntriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchWorks($query: String!, $category: WorkCategory) {\n    matchWorks(query: $query, category: $category, first: 15) {\n      method\n      score\n      work {\n        id\n        title\n        category\n        creatorNames\n        optOuts {\n          useTypes\n          effectiveFrom\n          withdrawnAt\n          inForce\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').SearchWorksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchWork($id: ID!) {\n    optOutStatus(workId: $id) {\n      work {\n        id\n        title\n        category\n        creatorNames\n        alternativeTitles {\n          title\n          language\n        }\n        identifiers {\n          scheme\n          value\n        }\n        optOuts {\n          useTypes\n          effectiveFrom\n          withdrawnAt\n          inForce\n        }\n        disputed\n      }\n    }\n  }\n"): typeof import('./graphql').SearchWorkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchWorkShares($id: ID!) {\n    work(id: $id) {\n      id\n      shares {\n        holderId\n        rightType\n        shareBps\n        holder {\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').SearchWorkSharesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnclaimedReserves($query: String, $first: Int, $after: String) {\n    reserves(filter: { status: OPEN, query: $query }, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          title\n          reason\n          releaseAfter\n          periodStart\n          periodEnd\n          category\n          societyName\n          amount {\n            amountMinor\n            currency\n          }\n          work {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').UnclaimedReservesDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
