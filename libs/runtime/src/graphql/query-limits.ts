import type { ApolloServerPlugin } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { GraphQLError, type ValidationRule } from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
}

/**
 * Refuses an operation nested deeper than `maxDepth` while validating it (code
 * GRAPHQL_VALIDATION_FAILED, like any invalid operation).
 */
export function depthLimitRules({ maxDepth }: QueryLimits): ValidationRule[] {
  return [depthLimit(maxDepth) as ValidationRule];
}

/**
 * Refuses an operation selecting more than `maxComplexity` fields (each counted once per
 * selection, with the request's variables) before anything runs: BAD_USER_INPUT, HTTP 400.
 */
export function complexityLimitPlugin({ maxComplexity }: QueryLimits): ApolloServerPlugin {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ request, document, schema }) => {
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              query: document,
              operationName: request.operationName,
              variables: request.variables,
              estimators: [simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            // Invalid variables: execution refuses them with BAD_USER_INPUT.
            return Promise.resolve();
          }
          if (complexity > maxComplexity) {
            throw new GraphQLError(
              `the operation selects ${complexity} fields; at most ${maxComplexity} are allowed`,
              { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
            );
          }
          return Promise.resolve();
        },
      }),
  };
}
