import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { RequestWithCaller } from '#libs/auth';
import { Role } from '#libs/contracts';

export interface SubgraphContext {
  req: RequestWithCaller;
}

/** The names of an operation's root fields, through fragments. */
function rootFields(operation: OperationDefinitionNode, document: DocumentNode): Set<string> {
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const names = new Set<string>();
  const seen = new Set<string>();
  const visit = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  visit(operation.selectionSet);
  return names;
}

/**
 * Applies the request's caller (Authenticator, run when the context is built) to every
 * operation, including those no resolver of ours guards: `_entities` (entity references) and
 * `_service` (the subgraph's SDL, for the gateway and the operator only). A refused credential
 * is UNAUTHENTICATED whatever the operation asks for.
 */
export function callerPlugin(): ApolloServerPlugin<SubgraphContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ contextValue, operation, document }) => {
          const { req } = contextValue;
          if (req.authUnavailable) {
            throw new GraphQLError('the service is unavailable for a moment; try again', {
              extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, http: { status: 503 } },
            });
          }
          if (req.authProblem) {
            throw new GraphQLError(req.authProblem, {
              extensions: { code: 'UNAUTHENTICATED', http: { status: 200 } },
            });
          }
          if (
            operation &&
            rootFields(operation, document).has('_service') &&
            !req.viaGateway &&
            req.caller?.role !== Role.OPERATOR
          ) {
            throw new GraphQLError('the service description is for the gateway and operators', {
              extensions: { code: 'FORBIDDEN', http: { status: 200 } },
            });
          }
          return Promise.resolve();
        },
      }),
  };
}
