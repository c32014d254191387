import depthLimit from 'graphql-depth-limit';
import { createComplexityRule, simpleEstimator } from 'graphql-query-complexity';
import { GraphQLError, type ValidationRule } from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
}

/**
 * Validation rules that refuse an operation nested deeper than `maxDepth` or selecting more than
 * `maxComplexity` fields, before anything runs. Apollo answers them as validation errors
 * (code GRAPHQL_VALIDATION_FAILED), like any other invalid operation.
 */
export function queryLimitRules({ maxDepth, maxComplexity }: QueryLimits): ValidationRule[] {
  return [
    depthLimit(maxDepth) as ValidationRule,
    createComplexityRule({
      maximumComplexity: maxComplexity,
      estimators: [simpleEstimator({ defaultComplexity: 1 })],
      createError: (max, actual) =>
        new GraphQLError(`the operation selects ${actual} fields; at most ${max} are allowed`, {
          extensions: { code: 'BAD_USER_INPUT' },
        }),
    }),
  ];
}
