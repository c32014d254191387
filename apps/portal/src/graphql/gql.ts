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
    "\n  query MineParty {\n    me {\n      id\n      name\n    }\n  }\n": typeof types.MinePartyDocument,
    "\n  query SearchWorks($query: String!) {\n    matchWorks(query: $query, first: 20) {\n      method\n      score\n      work {\n        id\n        title\n        category\n      }\n    }\n  }\n": typeof types.SearchWorksDocument,
    "\n  query WorksShares($id: ID!) {\n    work(id: $id) {\n      id\n      title\n      shares {\n        holderId\n        rightType\n        shareBps\n        holder {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.WorksSharesDocument,
    "\n  mutation WorksUpdateShares($input: UpdateWorkSharesInput!) {\n    updateWorkShares(input: $input) {\n      id\n    }\n  }\n": typeof types.WorksUpdateSharesDocument,
    "\n  query WorksDisputes($holderId: ID!, $first: Int, $after: String) {\n    disputes(filter: { holderId: $holderId }, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          status\n          reason\n          openedAt\n          answer\n          resolution\n          viewerCanAnswer\n          viewerCanWithdraw\n          claimant {\n            id\n            name\n          }\n          claimedShares {\n            holderId\n            rightType\n            shareBps\n          }\n          work {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n": typeof types.WorksDisputesDocument,
    "\n  mutation WorksAnswerDispute($input: AnswerDisputeInput!) {\n    answerDispute(input: $input) {\n      id\n    }\n  }\n": typeof types.WorksAnswerDisputeDocument,
    "\n  mutation WorksWithdrawDispute($disputeId: ID!) {\n    withdrawDispute(disputeId: $disputeId) {\n      id\n    }\n  }\n": typeof types.WorksWithdrawDisputeDocument,
    "\n  query WorksMine($holderId: ID!, $first: Int, $after: String) {\n    works(filter: { holderId: $holderId }, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          category\n          disputed\n          identifiers {\n            scheme\n            value\n          }\n          shares {\n            holderId\n            rightType\n            shareBps\n          }\n          optOuts {\n            id\n            inForce\n          }\n        }\n      }\n    }\n  }\n": typeof types.WorksMineDocument,
    "\n  mutation WorksRegister($input: RegisterWorkInput!) {\n    registerWork(input: $input) {\n      id\n      title\n      disputed\n    }\n  }\n": typeof types.WorksRegisterDocument,
};
const documents: Documents = {
    "\n  query MineParty {\n    me {\n      id\n      name\n    }\n  }\n": types.MinePartyDocument,
    "\n  query SearchWorks($query: String!) {\n    matchWorks(query: $query, first: 20) {\n      method\n      score\n      work {\n        id\n        title\n        category\n      }\n    }\n  }\n": types.SearchWorksDocument,
    "\n  query WorksShares($id: ID!) {\n    work(id: $id) {\n      id\n      title\n      shares {\n        holderId\n        rightType\n        shareBps\n        holder {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.WorksSharesDocument,
    "\n  mutation WorksUpdateShares($input: UpdateWorkSharesInput!) {\n    updateWorkShares(input: $input) {\n      id\n    }\n  }\n": types.WorksUpdateSharesDocument,
    "\n  query WorksDisputes($holderId: ID!, $first: Int, $after: String) {\n    disputes(filter: { holderId: $holderId }, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          status\n          reason\n          openedAt\n          answer\n          resolution\n          viewerCanAnswer\n          viewerCanWithdraw\n          claimant {\n            id\n            name\n          }\n          claimedShares {\n            holderId\n            rightType\n            shareBps\n          }\n          work {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n": types.WorksDisputesDocument,
    "\n  mutation WorksAnswerDispute($input: AnswerDisputeInput!) {\n    answerDispute(input: $input) {\n      id\n    }\n  }\n": types.WorksAnswerDisputeDocument,
    "\n  mutation WorksWithdrawDispute($disputeId: ID!) {\n    withdrawDispute(disputeId: $disputeId) {\n      id\n    }\n  }\n": types.WorksWithdrawDisputeDocument,
    "\n  query WorksMine($holderId: ID!, $first: Int, $after: String) {\n    works(filter: { holderId: $holderId }, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          category\n          disputed\n          identifiers {\n            scheme\n            value\n          }\n          shares {\n            holderId\n            rightType\n            shareBps\n          }\n          optOuts {\n            id\n            inForce\n          }\n        }\n      }\n    }\n  }\n": types.WorksMineDocument,
    "\n  mutation WorksRegister($input: RegisterWorkInput!) {\n    registerWork(input: $input) {\n      id\n      title\n      disputed\n    }\n  }\n": types.WorksRegisterDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MineParty {\n    me {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').MinePartyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchWorks($query: String!) {\n    matchWorks(query: $query, first: 20) {\n      method\n      score\n      work {\n        id\n        title\n        category\n      }\n    }\n  }\n"): typeof import('./graphql').SearchWorksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorksShares($id: ID!) {\n    work(id: $id) {\n      id\n      title\n      shares {\n        holderId\n        rightType\n        shareBps\n        holder {\n          id\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').WorksSharesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorksUpdateShares($input: UpdateWorkSharesInput!) {\n    updateWorkShares(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').WorksUpdateSharesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorksDisputes($holderId: ID!, $first: Int, $after: String) {\n    disputes(filter: { holderId: $holderId }, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          status\n          reason\n          openedAt\n          answer\n          resolution\n          viewerCanAnswer\n          viewerCanWithdraw\n          claimant {\n            id\n            name\n          }\n          claimedShares {\n            holderId\n            rightType\n            shareBps\n          }\n          work {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').WorksDisputesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorksAnswerDispute($input: AnswerDisputeInput!) {\n    answerDispute(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').WorksAnswerDisputeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorksWithdrawDispute($disputeId: ID!) {\n    withdrawDispute(disputeId: $disputeId) {\n      id\n    }\n  }\n"): typeof import('./graphql').WorksWithdrawDisputeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorksMine($holderId: ID!, $first: Int, $after: String) {\n    works(filter: { holderId: $holderId }, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          category\n          disputed\n          identifiers {\n            scheme\n            value\n          }\n          shares {\n            holderId\n            rightType\n            shareBps\n          }\n          optOuts {\n            id\n            inForce\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').WorksMineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorksRegister($input: RegisterWorkInput!) {\n    registerWork(input: $input) {\n      id\n      title\n      disputed\n    }\n  }\n"): typeof import('./graphql').WorksRegisterDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
