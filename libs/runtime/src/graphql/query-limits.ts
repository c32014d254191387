import type { ApolloServerPlugin } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import {
  GraphQLError,
  NoFragmentCyclesRule,
  validate,
  type ASTVisitor,
  type ValidationRule,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  /** Largest cost an operation of a signed-in caller may have. */
  maxComplexity: number;
  /** Largest cost an operation of an anonymous caller may have. */
  maxComplexityAnonymous: number;
}

/** The limits a process's configuration sets. */
export const queryLimits = (config: {
  GRAPHQL_MAX_DEPTH: number;
  GRAPHQL_MAX_COMPLEXITY: number;
  GRAPHQL_MAX_COMPLEXITY_ANONYMOUS: number;
}): QueryLimits => ({
  maxDepth: config.GRAPHQL_MAX_DEPTH,
  maxComplexity: config.GRAPHQL_MAX_COMPLEXITY,
  maxComplexityAnonymous: config.GRAPHQL_MAX_COMPLEXITY_ANONYMOUS,
});

/**
 * Whether the caller of a request is signed in (a token that verifies), from its
 * `Authorization` header or the request's context: decides which budget applies.
 */
export type SignedIn = (authorization: string | undefined, context: unknown) => Promise<boolean>;

/**
 * Page size of each field taking `first`, when the caller leaves it out: the resolver's default.
 * The gateway knows only the supergraph's SDL, where these defaults are not written, so they are
 * stated here (and kept equal to the resolvers').
 */
export const DEFAULT_PAGE_SIZES: Readonly<Record<string, number>> = {
  'Query.searchWorks': 20,
  'Query.matchWorks': 20,
  'Query.works': 20,
  'Query.licenses': 50,
  'Query.optOutRegister': 50,
  'Query.reserves': 50,
  'DistributionBatch.topWorks': 10,
};

/**
 * Lists without `first` that can be long, by the size they reach in practice: each element's
 * selection is counted that many times (lists not named here, such as a work's identifiers,
 * count as one element).
 */
export const UNPAGED_LIST_SIZES: Readonly<Record<string, number>> = {
  'UseRequest.items': 100,
  'UseRequestItem.contactHolders': 5,
  'UseRequestItem.candidates': 5,
  'Statement.lines': 100,
  'Work.shares': 10,
  'Work.optOuts': 10,
  'Work.openDisputes': 5,
  'Query.eclSchemes': 20,
  'Query.apiKeys': 10,
  'Query.optOuts': 20,
  'Query.membershipOffers': 50,
  'Query.disputeOpeners': 50,
};

type Args = Record<string, unknown>;

const lengthOf = (value: unknown): number => (Array.isArray(value) ? value.length : 1);
const inputList = (args: Args, name: string): unknown => (args.input as Args | undefined)?.[name];

/**
 * Fields whose resolvers cost far more than reading a column: their own cost (`cost`), and for a
 * field returning one element per input element, how many elements it returns (`size`).
 */
export const EXPENSIVE_FIELDS: Readonly<
  Record<string, { cost: (args: Args) => number; size?: (args: Args) => number }>
> = {
  /** The title matcher over every title of the registry. */
  'Query.searchWorks': { cost: () => 100 },
  'Query.matchWorks': { cost: () => 100 },
  /** Each item is matched (by identifier or by title, a trigram search) and priced. */
  'Mutation.requestUse': { cost: (args) => 3 * lengthOf(inputList(args, 'items')) },
  'Mutation.registerWorks': {
    cost: (args) => lengthOf(inputList(args, 'works')),
    size: (args) => lengthOf(inputList(args, 'works')),
  },
  'Mutation.submitUsageReport': { cost: (args) => lengthOf(inputList(args, 'lines')) },
};

/**
 * The cost of one field: 1 (or its entry in EXPENSIVE_FIELDS) plus its selection's cost times
 * the number of elements it returns: `first`, else the resolver's default page size, else the
 * size an unpaged list reaches (UNPAGED_LIST_SIZES), else 1.
 * Meta fields (`__typename`, introspection) are free: the gateway's query plans add them.
 */
export const fieldCostEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name.startsWith('__')) return 0;
  const name = `${type.name}.${field.name}`;
  const expensive = EXPENSIVE_FIELDS[name];
  const first = typeof args.first === 'number' ? Math.max(args.first, 0) : undefined;
  const size =
    first ?? DEFAULT_PAGE_SIZES[name] ?? expensive?.size?.(args) ?? UNPAGED_LIST_SIZES[name] ?? 1;
  return (expensive?.cost(args) ?? 1) + size * childComplexity;
};

/**
 * Refuses an operation nested deeper than `maxDepth` while validating it (code
 * GRAPHQL_VALIDATION_FAILED, like any invalid operation). A document whose fragments spread each
 * other in a cycle is refused by graphql's own NoFragmentCyclesRule, and not measured: its depth
 * has no end.
 */
export function depthLimitRules({ maxDepth }: Pick<QueryLimits, 'maxDepth'>): ValidationRule[] {
  const depth = depthLimit(maxDepth) as ValidationRule;
  const guardedDepth: ValidationRule = (context): ASTVisitor =>
    hasFragmentCycle(context) ? {} : depth(context);
  return [NoFragmentCyclesRule, guardedDepth];
}

function hasFragmentCycle(context: Parameters<ValidationRule>[0]): boolean {
  return validate(context.getSchema(), context.getDocument(), [NoFragmentCyclesRule]).length > 0;
}

const refusal = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });

/** graphql-query-complexity's own bound on the nodes it walks. */
const MAX_QUERY_NODES = 10_000;

/**
 * The cost of an operation (see fieldCostEstimator) with the request's variables; throws a
 * refusal when it is too large to be measured at all.
 */
export function operationCost(
  options: Omit<Parameters<typeof getComplexity>[0], 'estimators'>,
): number | undefined {
  try {
    return getComplexity({
      ...options,
      maxQueryNodes: MAX_QUERY_NODES,
      estimators: [fieldCostEstimator],
    });
  } catch (error) {
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
      throw refusal(`the operation has more than ${MAX_QUERY_NODES} fields to evaluate`);
    }
    // Invalid variables: execution refuses them with BAD_USER_INPUT.
    return undefined;
  }
}

/**
 * Refuses an operation costing more than the caller's budget (maxComplexity signed in,
 * maxComplexityAnonymous otherwise) before anything runs: BAD_USER_INPUT, HTTP 400.
 */
export function complexityLimitPlugin(
  { maxComplexity, maxComplexityAnonymous }: QueryLimits,
  signedIn: SignedIn,
): ApolloServerPlugin {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: async ({ request, document, schema, contextValue }) => {
          const cost = operationCost({
            schema,
            query: document,
            operationName: request.operationName,
            variables: request.variables,
          });
          if (cost === undefined) return;
          const authorization = request.http?.headers.get('authorization') ?? undefined;
          const anonymous = !(await signedIn(authorization, contextValue));
          const budget = anonymous ? maxComplexityAnonymous : maxComplexity;
          if (cost > budget) {
            throw refusal(
              `the operation costs ${cost} (list sizes and expensive fields counted); at most ${budget} is allowed${anonymous ? ' without signing in' : ''}`,
            );
          }
        },
      }),
  };
}
