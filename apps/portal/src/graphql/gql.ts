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
    "\n  query ClaimsMine($holderId: ID!, $first: Int!, $after: String) {\n    claims(filter: { holderId: $holderId }, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          status\n          createdAt\n          settledAt\n          reserve {\n            id\n            workKey\n            title\n            amount {\n              amountMinor\n              currency\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ClaimsMineDocument,
    "\n  query ClaimsReserves($after: String) {\n    reserves(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          workKey\n          title\n          periodStart\n          periodEnd\n          societyName\n          reason\n          amount {\n            amountMinor\n            currency\n          }\n          status\n          releaseAfter\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ClaimsReservesDocument,
    "\n  mutation ClaimsClaimReserve($input: ClaimReserveInput!) {\n    claimReserve(input: $input) {\n      id\n      status\n      createdAt\n    }\n  }\n": typeof types.ClaimsClaimReserveDocument,
    "\n  query MineParty {\n    me {\n      id\n      name\n    }\n  }\n": typeof types.MinePartyDocument,
    "\n  query MoneyStatements($holderId: ID!, $first: Int!, $after: String) {\n    statements(filter: { holderId: $holderId }, first: $first, after: $after) {\n      totalCount\n      totals {\n        currency\n        payable {\n          amountMinor\n          currency\n        }\n        held {\n          amountMinor\n          currency\n        }\n        reserved {\n          amountMinor\n          currency\n        }\n        claimed {\n          amountMinor\n          currency\n        }\n      }\n      edges {\n        cursor\n        node {\n          batchId\n          periodStart\n          periodEnd\n          category\n          societyName\n          totalPayable {\n            amountMinor\n            currency\n          }\n          totalHeld {\n            amountMinor\n            currency\n          }\n          totalReserved {\n            amountMinor\n            currency\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MoneyStatementsDocument,
    "\n  query MoneyStatement($batchId: ID!, $holderId: ID!) {\n    statement(batchId: $batchId, holderId: $holderId) {\n      batchId\n      holderName\n      societyName\n      category\n      periodStart\n      periodEnd\n      approvedAt\n      useTypes\n      totalPayable {\n        amountMinor\n        currency\n      }\n      totalHeld {\n        amountMinor\n        currency\n      }\n      totalReserved {\n        amountMinor\n        currency\n      }\n      currency\n      totalClaimed {\n        amountMinor\n        currency\n      }\n      lines {\n        workKey\n        title\n        useType\n        amount {\n          amountMinor\n          currency\n        }\n        status\n      }\n    }\n  }\n": typeof types.MoneyStatementDocument,
    "\n  query OptOutsMine($holderId: ID!) {\n    optOuts(holderId: $holderId) {\n      id\n      scope\n      work {\n        id\n        title\n      }\n      useTypes\n      effectiveFrom\n      withdrawnAt\n      registeredAt\n      inForce\n    }\n  }\n": typeof types.OptOutsMineDocument,
    "\n  mutation OptOutsWithdraw($id: ID!) {\n    withdrawOptOut(id: $id) {\n      id\n      withdrawnAt\n      inForce\n    }\n  }\n": typeof types.OptOutsWithdrawDocument,
    "\n  query OptOutsMyWorks($holderId: ID!) {\n    works(filter: { holderId: $holderId }, first: 100) {\n      edges {\n        node {\n          id\n          title\n        }\n      }\n    }\n  }\n": typeof types.OptOutsMyWorksDocument,
    "\n  mutation OptOutsRegister($input: RegisterOptOutInput!) {\n    registerOptOut(input: $input) {\n      id\n      scope\n      work {\n        id\n        title\n      }\n      useTypes\n      effectiveFrom\n      confirmation\n    }\n  }\n": typeof types.OptOutsRegisterDocument,
    "\n  query RegisterEntries($category: WorkCategory, $query: String, $first: Int, $after: String) {\n    optOutRegister(category: $category, query: $query, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          title\n          category\n          useTypes\n          since\n          work {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.RegisterEntriesDocument,
    "\n  query SearchWorks($query: String!, $category: WorkCategory) {\n    matchWorks(query: $query, category: $category, first: 15) {\n      method\n      score\n      work {\n        id\n        title\n        category\n        creatorNames\n        optOuts {\n          useTypes\n          effectiveFrom\n          withdrawnAt\n          inForce\n        }\n      }\n    }\n  }\n": typeof types.SearchWorksDocument,
    "\n  query SearchWork($id: ID!) {\n    optOutStatus(workId: $id) {\n      work {\n        id\n        title\n        category\n        creatorNames\n        alternativeTitles {\n          title\n          language\n        }\n        identifiers {\n          scheme\n          value\n        }\n        optOuts {\n          useTypes\n          effectiveFrom\n          withdrawnAt\n          inForce\n        }\n        disputed\n      }\n    }\n  }\n": typeof types.SearchWorkDocument,
    "\n  query SearchWorkShares($id: ID!) {\n    work(id: $id) {\n      id\n      shares {\n        holderId\n        rightType\n        shareBps\n        holder {\n          name\n        }\n      }\n    }\n  }\n": typeof types.SearchWorkSharesDocument,
    "\n  query UnclaimedReserves($query: String, $first: Int, $after: String) {\n    reserves(filter: { status: OPEN, query: $query }, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          title\n          reason\n          releaseAfter\n          periodStart\n          periodEnd\n          category\n          societyName\n          amount {\n            amountMinor\n            currency\n          }\n          work {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.UnclaimedReservesDocument,
    "\n  query WorksShares($id: ID!) {\n    work(id: $id) {\n      id\n      title\n      shares {\n        holderId\n        rightType\n        shareBps\n        holder {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.WorksSharesDocument,
    "\n  mutation WorksUpdateShares($input: UpdateWorkSharesInput!) {\n    updateWorkShares(input: $input) {\n      id\n    }\n  }\n": typeof types.WorksUpdateSharesDocument,
    "\n  query WorksDisputes($holderId: ID!, $first: Int, $after: String) {\n    disputes(filter: { holderId: $holderId }, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          status\n          reason\n          openedAt\n          answer\n          resolution\n          viewerCanAnswer\n          viewerCanWithdraw\n          claimant {\n            id\n            name\n          }\n          claimedShares {\n            holderId\n            rightType\n            shareBps\n          }\n          work {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n": typeof types.WorksDisputesDocument,
    "\n  mutation WorksAnswerDispute($input: AnswerDisputeInput!) {\n    answerDispute(input: $input) {\n      id\n    }\n  }\n": typeof types.WorksAnswerDisputeDocument,
    "\n  mutation WorksWithdrawDispute($disputeId: ID!) {\n    withdrawDispute(disputeId: $disputeId) {\n      id\n    }\n  }\n": typeof types.WorksWithdrawDisputeDocument,
    "\n  query WorksMine($holderId: ID!, $first: Int, $after: String) {\n    works(filter: { holderId: $holderId }, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          category\n          disputed\n          identifiers {\n            scheme\n            value\n          }\n          shares {\n            holderId\n            rightType\n            shareBps\n          }\n          optOuts {\n            id\n            inForce\n          }\n        }\n      }\n    }\n  }\n": typeof types.WorksMineDocument,
    "\n  mutation WorksRegister($input: RegisterWorkInput!) {\n    registerWork(input: $input) {\n      id\n      title\n      disputed\n    }\n  }\n": typeof types.WorksRegisterDocument,
};
const documents: Documents = {
    "\n  query ClaimsMine($holderId: ID!, $first: Int!, $after: String) {\n    claims(filter: { holderId: $holderId }, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          status\n          createdAt\n          settledAt\n          reserve {\n            id\n            workKey\n            title\n            amount {\n              amountMinor\n              currency\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ClaimsMineDocument,
    "\n  query ClaimsReserves($after: String) {\n    reserves(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          workKey\n          title\n          periodStart\n          periodEnd\n          societyName\n          reason\n          amount {\n            amountMinor\n            currency\n          }\n          status\n          releaseAfter\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ClaimsReservesDocument,
    "\n  mutation ClaimsClaimReserve($input: ClaimReserveInput!) {\n    claimReserve(input: $input) {\n      id\n      status\n      createdAt\n    }\n  }\n": types.ClaimsClaimReserveDocument,
    "\n  query MineParty {\n    me {\n      id\n      name\n    }\n  }\n": types.MinePartyDocument,
    "\n  query MoneyStatements($holderId: ID!, $first: Int!, $after: String) {\n    statements(filter: { holderId: $holderId }, first: $first, after: $after) {\n      totalCount\n      totals {\n        currency\n        payable {\n          amountMinor\n          currency\n        }\n        held {\n          amountMinor\n          currency\n        }\n        reserved {\n          amountMinor\n          currency\n        }\n        claimed {\n          amountMinor\n          currency\n        }\n      }\n      edges {\n        cursor\n        node {\n          batchId\n          periodStart\n          periodEnd\n          category\n          societyName\n          totalPayable {\n            amountMinor\n            currency\n          }\n          totalHeld {\n            amountMinor\n            currency\n          }\n          totalReserved {\n            amountMinor\n            currency\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MoneyStatementsDocument,
    "\n  query MoneyStatement($batchId: ID!, $holderId: ID!) {\n    statement(batchId: $batchId, holderId: $holderId) {\n      batchId\n      holderName\n      societyName\n      category\n      periodStart\n      periodEnd\n      approvedAt\n      useTypes\n      totalPayable {\n        amountMinor\n        currency\n      }\n      totalHeld {\n        amountMinor\n        currency\n      }\n      totalReserved {\n        amountMinor\n        currency\n      }\n      currency\n      totalClaimed {\n        amountMinor\n        currency\n      }\n      lines {\n        workKey\n        title\n        useType\n        amount {\n          amountMinor\n          currency\n        }\n        status\n      }\n    }\n  }\n": types.MoneyStatementDocument,
    "\n  query OptOutsMine($holderId: ID!) {\n    optOuts(holderId: $holderId) {\n      id\n      scope\n      work {\n        id\n        title\n      }\n      useTypes\n      effectiveFrom\n      withdrawnAt\n      registeredAt\n      inForce\n    }\n  }\n": types.OptOutsMineDocument,
    "\n  mutation OptOutsWithdraw($id: ID!) {\n    withdrawOptOut(id: $id) {\n      id\n      withdrawnAt\n      inForce\n    }\n  }\n": types.OptOutsWithdrawDocument,
    "\n  query OptOutsMyWorks($holderId: ID!) {\n    works(filter: { holderId: $holderId }, first: 100) {\n      edges {\n        node {\n          id\n          title\n        }\n      }\n    }\n  }\n": types.OptOutsMyWorksDocument,
    "\n  mutation OptOutsRegister($input: RegisterOptOutInput!) {\n    registerOptOut(input: $input) {\n      id\n      scope\n      work {\n        id\n        title\n      }\n      useTypes\n      effectiveFrom\n      confirmation\n    }\n  }\n": types.OptOutsRegisterDocument,
    "\n  query RegisterEntries($category: WorkCategory, $query: String, $first: Int, $after: String) {\n    optOutRegister(category: $category, query: $query, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          title\n          category\n          useTypes\n          since\n          work {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.RegisterEntriesDocument,
    "\n  query SearchWorks($query: String!, $category: WorkCategory) {\n    matchWorks(query: $query, category: $category, first: 15) {\n      method\n      score\n      work {\n        id\n        title\n        category\n        creatorNames\n        optOuts {\n          useTypes\n          effectiveFrom\n          withdrawnAt\n          inForce\n        }\n      }\n    }\n  }\n": types.SearchWorksDocument,
    "\n  query SearchWork($id: ID!) {\n    optOutStatus(workId: $id) {\n      work {\n        id\n        title\n        category\n        creatorNames\n        alternativeTitles {\n          title\n          language\n        }\n        identifiers {\n          scheme\n          value\n        }\n        optOuts {\n          useTypes\n          effectiveFrom\n          withdrawnAt\n          inForce\n        }\n        disputed\n      }\n    }\n  }\n": types.SearchWorkDocument,
    "\n  query SearchWorkShares($id: ID!) {\n    work(id: $id) {\n      id\n      shares {\n        holderId\n        rightType\n        shareBps\n        holder {\n          name\n        }\n      }\n    }\n  }\n": types.SearchWorkSharesDocument,
    "\n  query UnclaimedReserves($query: String, $first: Int, $after: String) {\n    reserves(filter: { status: OPEN, query: $query }, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          title\n          reason\n          releaseAfter\n          periodStart\n          periodEnd\n          category\n          societyName\n          amount {\n            amountMinor\n            currency\n          }\n          work {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.UnclaimedReservesDocument,
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
export function graphql(source: "\n  query ClaimsMine($holderId: ID!, $first: Int!, $after: String) {\n    claims(filter: { holderId: $holderId }, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          status\n          createdAt\n          settledAt\n          reserve {\n            id\n            workKey\n            title\n            amount {\n              amountMinor\n              currency\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').ClaimsMineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClaimsReserves($after: String) {\n    reserves(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          workKey\n          title\n          periodStart\n          periodEnd\n          societyName\n          reason\n          amount {\n            amountMinor\n            currency\n          }\n          status\n          releaseAfter\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').ClaimsReservesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClaimsClaimReserve($input: ClaimReserveInput!) {\n    claimReserve(input: $input) {\n      id\n      status\n      createdAt\n    }\n  }\n"): typeof import('./graphql').ClaimsClaimReserveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MineParty {\n    me {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').MinePartyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MoneyStatements($holderId: ID!, $first: Int!, $after: String) {\n    statements(filter: { holderId: $holderId }, first: $first, after: $after) {\n      totalCount\n      totals {\n        currency\n        payable {\n          amountMinor\n          currency\n        }\n        held {\n          amountMinor\n          currency\n        }\n        reserved {\n          amountMinor\n          currency\n        }\n        claimed {\n          amountMinor\n          currency\n        }\n      }\n      edges {\n        cursor\n        node {\n          batchId\n          periodStart\n          periodEnd\n          category\n          societyName\n          totalPayable {\n            amountMinor\n            currency\n          }\n          totalHeld {\n            amountMinor\n            currency\n          }\n          totalReserved {\n            amountMinor\n            currency\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').MoneyStatementsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MoneyStatement($batchId: ID!, $holderId: ID!) {\n    statement(batchId: $batchId, holderId: $holderId) {\n      batchId\n      holderName\n      societyName\n      category\n      periodStart\n      periodEnd\n      approvedAt\n      useTypes\n      totalPayable {\n        amountMinor\n        currency\n      }\n      totalHeld {\n        amountMinor\n        currency\n      }\n      totalReserved {\n        amountMinor\n        currency\n      }\n      currency\n      totalClaimed {\n        amountMinor\n        currency\n      }\n      lines {\n        workKey\n        title\n        useType\n        amount {\n          amountMinor\n          currency\n        }\n        status\n      }\n    }\n  }\n"): typeof import('./graphql').MoneyStatementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OptOutsMine($holderId: ID!) {\n    optOuts(holderId: $holderId) {\n      id\n      scope\n      work {\n        id\n        title\n      }\n      useTypes\n      effectiveFrom\n      withdrawnAt\n      registeredAt\n      inForce\n    }\n  }\n"): typeof import('./graphql').OptOutsMineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OptOutsWithdraw($id: ID!) {\n    withdrawOptOut(id: $id) {\n      id\n      withdrawnAt\n      inForce\n    }\n  }\n"): typeof import('./graphql').OptOutsWithdrawDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OptOutsMyWorks($holderId: ID!) {\n    works(filter: { holderId: $holderId }, first: 100) {\n      edges {\n        node {\n          id\n          title\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').OptOutsMyWorksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OptOutsRegister($input: RegisterOptOutInput!) {\n    registerOptOut(input: $input) {\n      id\n      scope\n      work {\n        id\n        title\n      }\n      useTypes\n      effectiveFrom\n      confirmation\n    }\n  }\n"): typeof import('./graphql').OptOutsRegisterDocument;
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
